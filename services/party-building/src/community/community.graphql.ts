import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * The residents subgraph's Community, extended with what this context knows about it. Only the key is
 * ours to give; the gateway asks this subgraph for the three facts below.
 */
@ObjectType('Community')
@Directive('@key(fields: "id")')
export class CommunityType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Party members currently registered at the community (报到党员).' })
  partyMembersRegistered?: number;
  @Field(() => Int, { description: 'Households with a contact party member (分片包户).' })
  householdsWithContactMember?: number;
  @Field(() => Int, { description: 'Party activities held in the community, all time.' })
  partyActivitiesHeld?: number;
}
