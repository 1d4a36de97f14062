import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PartyActivityState } from './party-activity.state.js';
import type { PartyActivityRow } from './projections/activity-log/activity-log.entity.js';

@ObjectType('PartyActivity', { description: 'An activity a party organisation held in the community.' })
export class PartyActivityType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => ID) organisationId!: string;
  @Field() kind!: string;
  @Field() title!: string;
  @Field({ description: 'Asia/Shanghai calendar date.' }) heldOn!: string;
  @Field(() => Int) participantCount!: number;
  @Field(() => Int, { description: 'Of the participants, party members registered at the community (报到党员).' })
  registeredMemberCount!: number;
}

export function activityFromState(state: Extract<PartyActivityState, { status: 'held' }>): PartyActivityType {
  const { activityId, ...activity } = state.activity;
  return { id: activityId, ...activity };
}

export function activityFromRow(row: PartyActivityRow): PartyActivityType {
  const { activityId, ...activity } = row;
  return { id: activityId, ...activity };
}
