import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PartyMemberServiceEntry', { description: "Verified volunteer hours credited to the member, from the volunteers' hours ledger." })
export class PartyMemberServiceEntryType {
  @Field(() => ID, { description: "The volunteers' hours-ledger record." }) recordId!: string;
  @Field(() => ID, { description: 'The volunteer linked to the member (volunteers context).' }) volunteerId!: string;
  @Field({ description: 'opportunity | pairing_activity | party_activity | other' }) sourceKind!: string;
  @Field(() => ID, { nullable: true, description: 'The opportunity / activity; null for other service.' }) sourceId!: string | null;
  @Field() activity!: string;
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai.' }) servedOn!: string;
  @Field(() => Int) servedMinutes!: number;
  @Field() creditedAt!: string;
}

@ObjectType('PartyMemberServiceRecord', { description: "The member's volunteer service record (党员志愿服务记录)." })
export class PartyMemberServiceRecordType {
  @Field(() => Int) totalMinutes!: number;
  @Field(() => Float, { description: 'totalMinutes / 60, to two decimals.' }) totalHours!: number;
  @Field(() => [PartyMemberServiceEntryType], { description: 'Latest service first.' }) entries!: PartyMemberServiceEntryType[];
}

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
  @Field(() => PartyMemberServiceRecordType, { description: 'Verified volunteer hours of the volunteer linked to the member.' })
  serviceRecord!: PartyMemberServiceRecordType;
}
