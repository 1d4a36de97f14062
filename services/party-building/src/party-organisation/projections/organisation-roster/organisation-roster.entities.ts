import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EncryptedField } from '@cogov/eventsourcing';

/** Read-only mappings onto the organisation roster's views. */

@Entity({ tableName: 'party_organisations' })
export class PartyOrganisationRow {
  @PrimaryKey({ type: 'string', fieldName: 'organisation_id' }) organisationId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) kind!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string', fieldName: 'parent_organisation_id', nullable: true }) parentOrganisationId!: string | null;
  @Property({ type: 'string', fieldName: 'host_unit_id', nullable: true }) hostUnitId!: string | null;
  @Property({ type: 'datetime', fieldName: 'established_at' }) establishedAt!: Date;
  @Property({ type: 'string', fieldName: 'secretary_id', nullable: true }) secretaryId!: string | null;
  @Property({ type: 'json', fieldName: 'secretary_name', nullable: true }) secretaryName!: EncryptedField | null;
  @Property({ type: 'string', fieldName: 'sending_unit_id', nullable: true }) sendingUnitId!: string | null;
  @Property({ type: 'datetime', fieldName: 'secretary_appointed_at', nullable: true }) secretaryAppointedAt!: Date | null;
}

@Entity({ tableName: 'party_cadres' })
export class PartyCadreRow {
  @PrimaryKey({ type: 'string', fieldName: 'organisation_id' }) organisationId!: string;
  @PrimaryKey({ type: 'string', fieldName: 'cadre_id' }) cadreId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'json' }) name!: EncryptedField;
  @Property({ type: 'string', fieldName: 'paired_unit_id' }) pairedUnitId!: string;
  @Property({ type: 'datetime', fieldName: 'appointed_at' }) appointedAt!: Date;
  @Property({ type: 'datetime', fieldName: 'released_at', nullable: true }) releasedAt!: Date | null;
}

@Entity({ tableName: 'party_service_centres' })
export class PartyServiceCentreRow {
  @PrimaryKey({ type: 'string', fieldName: 'centre_id' }) centreId!: string;
  @Property({ type: 'string', fieldName: 'organisation_id' }) organisationId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) kind!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string' }) address!: string;
  @Property({ type: 'datetime', fieldName: 'opened_at' }) openedAt!: Date;
}
