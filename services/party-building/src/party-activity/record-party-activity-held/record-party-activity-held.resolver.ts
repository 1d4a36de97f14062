import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Field, ID, InputType, Int, Mutation, Resolver } from '@nestjs/graphql';
import { uuidv7 } from '@cogov/eventsourcing';
import { MutationContext, ReadYourWrites, requireDate, requireEnum, requireInt, requireText, requireUuid, type CommandContext } from '@cogov/service-kit';
import { PARTY_ACTIVITY_KINDS } from '../party-activity.events.js';
import { PartyActivityType, activityFromState } from '../party-activity.graphql.js';
import { RecordPartyActivityHeldCommand } from './record-party-activity-held.handler.js';

@InputType()
export class RecordPartyActivityHeldInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID, { description: 'The party organisation of this community that held it.' }) organisationId!: string;
  @Field({ description: `One of ${PARTY_ACTIVITY_KINDS.join(', ')}.` }) kind!: string;
  @Field() title!: string;
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai calendar date; not in the future.' }) heldOn!: string;
  @Field(() => Int) participantCount!: number;
  @Field(() => Int, { description: 'Of the participants, party members registered at the community.' }) registeredMemberCount!: number;
}

const MAX_PARTICIPANTS = 100_000;

@Resolver()
export class RecordPartyActivityHeldResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReadYourWrites) private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Mutation(() => PartyActivityType)
  async recordPartyActivityHeld(@Args('input') input: RecordPartyActivityHeldInput, @MutationContext() context: CommandContext): Promise<PartyActivityType> {
    const participantCount = requireInt(input.participantCount, 'input.participantCount', 1, MAX_PARTICIPANTS);
    const data = {
      activityId: uuidv7(),
      communityId: requireUuid(input.communityId, 'input.communityId'),
      organisationId: requireUuid(input.organisationId, 'input.organisationId'),
      kind: requireEnum(input.kind, PARTY_ACTIVITY_KINDS, 'input.kind'),
      title: requireText(input.title, 'input.title', { max: 80 }),
      heldOn: requireDate(input.heldOn, 'input.heldOn'),
      participantCount,
      registeredMemberCount: requireInt(input.registeredMemberCount, 'input.registeredMemberCount', 0, participantCount),
    };
    const { state, checkpoint } = await this.commands.execute(new RecordPartyActivityHeldCommand(data, context));
    if (state.status !== 'held') throw new Error('party activity missing after RecordPartyActivityHeld');
    // The answer needs no read model, but the caller's next partyActivities query must show the activity.
    await this.readYourWrites.waitFor(['activity-log'], checkpoint, 'recordPartyActivityHeld');
    return activityFromState(state);
  }
}
