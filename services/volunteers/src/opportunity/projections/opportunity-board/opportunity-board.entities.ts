import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EncryptedField } from '@cogov/eventsourcing';

/** Read-only mappings onto the opportunity board's views. */

@Entity({ tableName: 'opportunities' })
export class OpportunityRow {
  @PrimaryKey({ type: 'string', fieldName: 'opportunity_id' }) opportunityId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'source_kind' }) sourceKind!: string;
  @Property({ type: 'string', fieldName: 'source_id', nullable: true }) sourceId!: string | null;
  @Property({ type: 'string', fieldName: 'team_id', nullable: true }) teamId!: string | null;
  @Property({ type: 'string' }) title!: string;
  @Property({ type: 'string' }) content!: string;
  @Property({ type: 'string' }) place!: string;
  @Property({ type: 'string', fieldName: 'organising_unit' }) organisingUnit!: string;
  @Property({ type: 'string', fieldName: 'person_in_charge_id' }) personInChargeId!: string;
  @Property({ type: 'json', fieldName: 'person_in_charge_name' }) personInChargeName!: EncryptedField;
  @Property({ type: 'datetime', fieldName: 'starts_at' }) startsAt!: Date;
  @Property({ type: 'datetime', fieldName: 'ends_at' }) endsAt!: Date;
  @Property({ type: 'integer' }) capacity!: number;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'datetime', fieldName: 'published_at' }) publishedAt!: Date;
}

@Entity({ tableName: 'opportunity_sign_ups' })
export class SignUpRow {
  @PrimaryKey({ type: 'string', fieldName: 'opportunity_id' }) opportunityId!: string;
  @PrimaryKey({ type: 'string', fieldName: 'volunteer_id' }) volunteerId!: string;
  @Property({ type: 'string' }) stage!: string;
  @Property({ type: 'datetime', fieldName: 'signed_up_at' }) signedUpAt!: Date;
  @Property({ type: 'datetime', fieldName: 'checked_in_at', nullable: true }) checkedInAt!: Date | null;
  @Property({ type: 'datetime', fieldName: 'checked_out_at', nullable: true }) checkedOutAt!: Date | null;
  @Property({ type: 'integer', fieldName: 'minutes_present', nullable: true }) minutesPresent!: number | null;
  @Property({ type: 'integer', fieldName: 'served_minutes', nullable: true }) servedMinutes!: number | null;
  @Property({ type: 'string', fieldName: 'verified_by', nullable: true }) verifiedBy!: string | null;
}
