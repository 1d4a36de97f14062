import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('VolunteerLink', { description: 'Who the volunteer is besides a volunteer.' })
export class VolunteerLinkType {
  @Field({ description: 'resident | party_member | organisation_staff' }) kind!: string;
  @Field(() => ID) id!: string;
}

@ObjectType('Volunteer', {
  description: 'A volunteer (志愿者). Name, phone and ID number are masked unless your role and jurisdiction allow them.',
})
export class VolunteerType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'active | suspended' }) status!: string;
  @Field(() => VolunteerLinkType) linkedTo!: VolunteerLinkType;
  @Field(() => [String]) skills!: string[];
  @Field(() => [ID]) teamIds!: string[];
  @Field() registeredAt!: string;
  @Field() name!: string;
  @Field() phone!: string;
  @Field() idNumber!: string;
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
