import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { VolunteerType } from '../volunteer.graphql.js';
import { VolunteerCommands } from '../volunteer-commands.js';
import { SuspendVolunteerCommand } from './suspend-volunteer.handler.js';

@InputType()
export class SuspendVolunteerInput {
  @Field(() => ID) volunteerId!: string;
  @Field() reason!: string;
}

@Resolver()
export class SuspendVolunteerResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(VolunteerCommands) private readonly volunteers: VolunteerCommands,
  ) {}

  @Mutation(() => VolunteerType, {
    description: 'Takes a volunteer out of service (暂停): no new sign-ups or teams until reinstated; suspending twice answers CONFLICT.',
  })
  async suspendVolunteer(@Args('input') input: SuspendVolunteerInput, @MutationContext() context: CommandContext, @CurrentActor() actor: Actor): Promise<VolunteerType> {
    const data = { volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'), reason: requireText(input.reason, 'input.reason', { max: 200 }) };
    const written = await this.commands.execute(new SuspendVolunteerCommand(data, context));
    return this.volunteers.present(actor, data.volunteerId, written, 'suspendVolunteer');
  }
}
