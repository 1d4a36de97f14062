import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export interface ContractColumn {
  contractId: string;
  companyId: string;
  companyName: string;
  unifiedSocialCreditCode: string;
  startsOn: string;
  endsOn: string;
  signedAt: string;
}

/** Read-only mapping onto the `compound_directory` view. */
@Entity({ tableName: 'compound_directory' })
export class CompoundRow {
  @PrimaryKey({ type: 'string', fieldName: 'compound_id' }) compoundId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string' }) enclosure!: string;
  @Property({ type: 'integer', fieldName: 'unit_count' }) unitCount!: number;
  @Property({ type: 'integer', fieldName: 'floor_area_hundredth_m2' }) floorAreaHundredthM2!: number;
  @Property({ type: 'integer', fieldName: 'occupied_unit_count', nullable: true }) occupiedUnitCount!: number | null;
  @Property({ type: 'json', nullable: true }) contract!: ContractColumn | null;
  @Property({ type: 'string', fieldName: 'red_property_party_organisation_id', nullable: true }) redPropertyPartyOrganisationId!: string | null;
  @Property({ type: 'string', fieldName: 'latest_assessment_quarter', nullable: true }) latestAssessmentQuarter!: string | null;
  @Property({ type: 'string', fieldName: 'latest_assessment_rating', nullable: true }) latestAssessmentRating!: string | null;
  @Property({ type: 'integer', fieldName: 'latest_assessment_score', nullable: true }) latestAssessmentScore!: number | null;
  @Property({ type: 'datetime', fieldName: 'registered_at' }) registeredAt!: Date;
}
