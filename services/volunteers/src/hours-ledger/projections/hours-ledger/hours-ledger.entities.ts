import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EncryptedField } from '@cogov/eventsourcing';

/** Read-only mappings onto the hours ledger's views. */

@Entity({ tableName: 'hours_ledgers' })
export class HoursLedgerRow {
  @PrimaryKey({ type: 'string', fieldName: 'volunteer_id' }) volunteerId!: string;
  @Property({ type: 'integer', fieldName: 'cumulative_minutes' }) cumulativeMinutes!: number;
  @Property({ type: 'integer', fieldName: 'star_level' }) starLevel!: number;
  @Property({ type: 'integer', fieldName: 'late_records' }) lateRecords!: number;
}

@Entity({ tableName: 'service_records' })
export class ServiceRecordRow {
  @PrimaryKey({ type: 'string', fieldName: 'record_id' }) recordId!: string;
  @Property({ type: 'string', fieldName: 'volunteer_id' }) volunteerId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'source_kind' }) sourceKind!: string;
  @Property({ type: 'string', fieldName: 'source_id', nullable: true }) sourceId!: string | null;
  @Property({ type: 'string' }) activity!: string;
  @Property({ type: 'string', fieldName: 'served_on' }) servedOn!: string;
  @Property({ type: 'string' }) place!: string;
  @Property({ type: 'string' }) content!: string;
  @Property({ type: 'string', fieldName: 'organising_unit' }) organisingUnit!: string;
  @Property({ type: 'string', fieldName: 'person_in_charge_id' }) personInChargeId!: string;
  @Property({ type: 'json', fieldName: 'person_in_charge_name' }) personInChargeName!: EncryptedField;
  @Property({ type: 'integer', fieldName: 'served_minutes' }) servedMinutes!: number;
  @Property({ type: 'integer', fieldName: 'working_days_to_record' }) workingDaysToRecord!: number;
  @Property({ type: 'boolean' }) late!: boolean;
  @Property({ type: 'datetime', fieldName: 'recorded_at' }) recordedAt!: Date;
}

@Entity({ tableName: 'service_certificates' })
export class ServiceCertificateRow {
  @PrimaryKey({ type: 'string', fieldName: 'verification_code' }) verificationCode!: string;
  @Property({ type: 'string', fieldName: 'certificate_id' }) certificateId!: string;
  @Property({ type: 'string', fieldName: 'volunteer_id' }) volunteerId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'integer', fieldName: 'cumulative_minutes' }) cumulativeMinutes!: number;
  @Property({ type: 'integer', fieldName: 'record_count' }) recordCount!: number;
  @Property({ type: 'integer', fieldName: 'star_level' }) starLevel!: number;
  @Property({ type: 'datetime', fieldName: 'issued_at' }) issuedAt!: Date;
  @Property({ type: 'boolean' }) revoked!: boolean;
}
