import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { OrganisationRow } from './projections/organisation-directory/organisation-directory.entity.js';
import type { OrganisationState } from './organisation.state.js';

@ObjectType('Organisation', { description: 'A unit stationed in the area (驻区单位) or a social organisation (社会组织).' })
export class OrganisationType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The community it is registered in (its jurisdiction).' }) communityId!: string;
  @Field() name!: string;
  @Field({ description: 'government_body | public_institution | state_enterprise | private_enterprise | school | hospital | social_organisation | other' })
  type!: string;
  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码); null while a social organisation is not registered.' })
  creditCode!: string | null;
  @Field(() => String, { nullable: true, description: 'incubating | incubated | registered; null unless a social organisation.' })
  incubationStage!: string | null;
  @Field() address!: string;
}

export function organisationFromState(state: Extract<OrganisationState, { status: 'registered' }>): OrganisationType {
  return {
    id: state.organisationId,
    communityId: state.communityId,
    name: state.name,
    type: state.type,
    creditCode: state.creditCode,
    incubationStage: state.incubationStage,
    address: state.address,
  };
}

export function organisationFromRow(row: OrganisationRow): OrganisationType {
  return {
    id: row.organisationId,
    communityId: row.communityId,
    name: row.name,
    type: row.type,
    creditCode: row.creditCode,
    incubationStage: row.incubationStage,
    address: row.address,
  };
}
