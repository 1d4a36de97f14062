import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type Actor } from '@cogov/auth';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, ReadYourWrites, requireEnum, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { VolunteerReader } from '../../volunteer/volunteer-reader.js';
import { TeamType } from '../../volunteer/volunteer.graphql.js';
import { TEAM_CATEGORIES } from '../team.events.js';
import { FormVolunteerTeamCommand } from './form-volunteer-team.handler.js';

@InputType()
export class FormVolunteerTeamInput {
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field({ description: TEAM_CATEGORIES.join(' | ') }) category!: string;
}

@Resolver()
export class FormVolunteerTeamResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
    @Inject(VolunteerReader) private readonly reader: VolunteerReader,
  ) {}

  @Mutation(() => TeamType)
  async formVolunteerTeam(
    @Args('input') input: FormVolunteerTeamInput,
    @MutationContext() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<TeamType> {
    const data = {
      teamId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      name: requireText(input.name, 'input.name', { max: 60 }),
      category: requireEnum(input.category, TEAM_CATEGORIES, 'input.category'),
    };
    const { checkpoint } = await this.commands.execute(new FormVolunteerTeamCommand(data, context));
    await this.readYourWrites.waitFor(['volunteer-roster'], checkpoint, 'formVolunteerTeam');
    return this.reader.team(actor, data.teamId);
  }
}
