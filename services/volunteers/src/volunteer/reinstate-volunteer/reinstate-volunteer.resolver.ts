import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, requireUuid, type CommandContext } from '@cogov/service-kit';
import { VolunteerType } from '../volunteer.graphql.js';
import { VolunteerCommands } from '../volunteer-commands.js';
import { ReinstateVolunteerCommand } from './reinstate-volunteer.handler.js';

@InputType()
export class ReinstateVolunteerInput {
  @Field(() => ID) volunteerId!: string;
}

@Resolver()
export class ReinstateVolunteerResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(VolunteerCommands) private readonly volunteers: VolunteerCommands,
  ) {}

  @Mutation(() => VolunteerType, { description: 'Brings a suspended volunteer back into service (恢复); an active one answers CONFLICT.' })
  async reinstateVolunteer(@Args('input') input: ReinstateVolunteerInput, @MutationContext() context: CommandContext, @CurrentActor() actor: Actor): Promise<VolunteerType> {
    const data = { volunteerId: requireUuid(input.volunteerId, 'input.volunteerId') };
    const written = await this.commands.execute(new ReinstateVolunteerCommand(data, context));
    return this.volunteers.present(actor, data.volunteerId, written, 'reinstateVolunteer');
  }
}
