import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('VolunteerLink', { description: 'Who the volunteer is besides a volunteer.' })
export class VolunteerLinkType {
  @Field({ description: 'resident | party_member | organisation_staff' }) kind!: string;
  @Field(() => ID) id!: string;
}

@ObjectType('VolunteerTraining', { description: 'A course the volunteer completed (培训).' })
export class VolunteerTrainingType {
  @Field(() => ID) id!: string;
  @Field() course!: string;
  @Field() provider!: string;
  @Field({ description: 'YYYY-MM-DD, Asia/Shanghai.' }) completedOn!: string;
  @Field(() => Int) trainingMinutes!: number;
}

@ObjectType('Volunteer', {
  description: 'A volunteer (志愿者). Name, phone and ID number are masked unless your role and jurisdiction allow them.',
})
export class VolunteerType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'active | suspended' }) status!: string;
  @Field(() => String, { nullable: true, description: 'When the current suspension began; null while active.' }) suspendedAt!: string | null;
  @Field(() => VolunteerLinkType) linkedTo!: VolunteerLinkType;
  @Field(() => [String]) skills!: string[];
  @Field(() => [ID]) teamIds!: string[];
  @Field(() => [VolunteerTrainingType], { description: 'Completed courses, in order of entry.' }) trainings!: VolunteerTrainingType[];
  @Field() registeredAt!: string;
  @Field(() => String, { nullable: true, description: 'Null only for a volunteer linked to a party member, registered without it.' }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'Null only for a volunteer linked to a party member, registered without it.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Null only for a volunteer linked to a party member, registered without it.' }) idNumber!: string | null;
}

@ObjectType('VolunteerTeam', { description: 'A volunteer team (志愿服务队) of a community.' })
export class TeamType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field({ description: 'judicial | cultural | medical | sanitation | elder_care | party_member_vanguard | education | public_safety | environmental | other' })
  category!: string;
  @Field({ description: 'formed | disbanded' }) status!: string;
  @Field() formedAt!: string;
  @Field(() => [ID], { description: 'Current members, in order of joining.' }) memberIds!: string[];
}
