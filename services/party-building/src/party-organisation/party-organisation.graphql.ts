import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommunityType } from '../community/community.graphql.js';

@ObjectType('FirstSecretary', { description: 'The first secretary (第一书记) in office.' })
export class FirstSecretaryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Masked unless your role and jurisdiction allow it; [erased] after erasure.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The unit that sent the secretary (选派单位).' }) sendingUnitId!: string | null;
  @Field() appointedAt!: string;
}

@ObjectType('PartTimeCadre', { description: 'A part-time cadre (兼职委员) from a paired unit, in office.' })
export class PartTimeCadreType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Masked unless your role and jurisdiction allow it; [erased] after erasure.' }) name!: string;
  @Field(() => ID) pairedUnitId!: string;
  @Field() appointedAt!: string;
}

@ObjectType('PartyMassesServiceCentre', { description: 'A party-masses service centre or station (党群服务中心/站).' })
export class ServiceCentreType {
  @Field(() => ID) id!: string;
  @Field({ description: 'centre | station' }) kind!: string;
  @Field() name!: string;
  @Field() address!: string;
  @Field() openedAt!: string;
}

@ObjectType('PartyOrganisation', { description: 'A community party organisation: general branch (总支) or branch (支部).' })
export class PartyOrganisationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field(() => CommunityType) community!: CommunityType;
  @Field({ description: 'general_branch | branch' }) kind!: string;
  @Field() name!: string;
  @Field(() => ID, { nullable: true }) parentOrganisationId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The unit it is set up in (e.g. a property company: red property).' })
  hostUnitId!: string | null;
  @Field() establishedAt!: string;
  @Field(() => FirstSecretaryType, { nullable: true }) firstSecretary!: FirstSecretaryType | null;
  @Field(() => [PartTimeCadreType]) cadres!: PartTimeCadreType[];
  @Field(() => [ServiceCentreType]) serviceCentres!: ServiceCentreType[];
}
