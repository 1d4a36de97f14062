import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Read-only mapping onto the `organisation_directory` view. */
@Entity({ tableName: 'organisation_directory' })
export class OrganisationRow {
  @PrimaryKey({ type: 'string', fieldName: 'organisation_id' }) organisationId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string' }) type!: string;
  @Property({ type: 'string', fieldName: 'credit_code', nullable: true }) creditCode!: string | null;
  @Property({ type: 'string', fieldName: 'incubation_stage', nullable: true }) incubationStage!: string | null;
  @Property({ type: 'string' }) address!: string;
  @Property({ type: 'datetime', fieldName: 'registered_at' }) registeredAt!: Date;
}
