import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PartyMember', { description: 'A party member registered at the community where they live (党员到社区报到).' })
export class PartyMemberType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'Masked unless your role and jurisdiction allow it; [erased] after erasure.' }) name!: string;
  @Field({ description: 'Masked unless your role and jurisdiction allow it; [erased] after erasure.' }) phone!: string;
  @Field({ description: 'The party organisation holding the membership (组织关系所在党组织).' }) membershipOrganisation!: string;
  @Field(() => ID, { nullable: true }) householdId!: string | null;
  @Field({ description: 'registered | ended' }) status!: string;
  @Field() registeredAt!: string;
  @Field(() => String, { nullable: true }) endedAt!: string | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
}
