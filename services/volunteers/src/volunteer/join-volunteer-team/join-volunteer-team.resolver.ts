import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { MutationContext, ReadYourWrites, requireUuid, type CommandContext } from '@cogov/service-kit';
import { VolunteerType } from '../volunteer.graphql.js';
import { VolunteerReader } from '../volunteer-reader.js';
import { JoinVolunteerTeamCommand } from './join-volunteer-team.handler.js';

@InputType()
export class JoinVolunteerTeamInput {
  @Field(() => ID) volunteerId!: string;
  @Field(() => ID) teamId!: string;
}

@Resolver()
export class JoinVolunteerTeamResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(VolunteerReader) private readonly reader: VolunteerReader,
  ) {}

  @Mutation(() => VolunteerType, { description: 'Quiet when already a member.' })
  async joinVolunteerTeam(
    @Args('input') input: JoinVolunteerTeamInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<VolunteerType> {
    const data = { volunteerId: requireUuid(input.volunteerId, 'input.volunteerId'), teamId: requireUuid(input.teamId, 'input.teamId') };
    const { checkpoint } = await this.commands.execute(new JoinVolunteerTeamCommand(data, context));
    await this.readYourWrites.waitFor(['volunteer-roster'], checkpoint, 'joinVolunteerTeam');
    return this.reader.volunteer(actor, data.volunteerId);
  }
}
