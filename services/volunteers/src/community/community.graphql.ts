import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/** The residents subgraph's Community, extended with what the volunteers context knows about it. */
@ObjectType('Community')
@Directive('@key(fields: "id")')
export class CommunityType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Volunteers registered in the community (suspended ones included).' })
  volunteersRegistered?: number;
  @Field(() => Float, { description: 'Verified service hours given in the community, from the hours ledgers.' })
  verifiedServiceHours?: number;
}
