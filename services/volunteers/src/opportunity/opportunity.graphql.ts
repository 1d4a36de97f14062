import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OpportunitySignUp', { description: "One volunteer's way through an opportunity." })
export class SignUpType {
  @Field(() => ID) volunteerId!: string;
  @Field({ description: 'signed_up | checked_in | checked_out | verified' }) stage!: string;
  @Field() signedUpAt!: string;
  @Field(() => String, { nullable: true }) checkedInAt!: string | null;
  @Field(() => String, { nullable: true }) checkedOutAt!: string | null;
  @Field(() => Int, { nullable: true }) minutesPresent!: number | null;
  @Field(() => Int, { nullable: true, description: 'Minutes verified by the organiser.' }) servedMinutes!: number | null;
}

@ObjectType('ServiceOpportunity', { description: 'A service opportunity (服务项目) with its sign-ups.' })
export class OpportunityType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'appeal | pairing_activity | party_activity | standalone' }) sourceKind!: string;
  @Field(() => ID, { nullable: true }) sourceId!: string | null;
  @Field(() => ID, { nullable: true }) teamId!: string | null;
  @Field() title!: string;
  @Field() content!: string;
  @Field() place!: string;
  @Field() organisingUnit!: string;
  @Field(() => ID) personInChargeId!: string;
  @Field({ description: "The person in charge's name; masked unless your role and jurisdiction allow it." }) personInChargeName!: string;
  @Field() startsAt!: string;
  @Field() endsAt!: string;
  @Field(() => Int) capacity!: number;
  @Field({ description: 'published | cancelled | completed' }) status!: string;
  @Field(() => Int) signedUpCount!: number;
  @Field(() => [SignUpType]) signUps!: SignUpType[];
}
