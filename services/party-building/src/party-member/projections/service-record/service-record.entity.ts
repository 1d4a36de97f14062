import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Read-only mapping onto the `party_member_service_entries` view. */
@Entity({ tableName: 'party_member_service_entries' })
export class ServiceEntryRow {
  @PrimaryKey({ type: 'string', fieldName: 'member_id' }) memberId!: string;
  @PrimaryKey({ type: 'string', fieldName: 'record_id' }) recordId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'volunteer_id' }) volunteerId!: string;
  @Property({ type: 'string', fieldName: 'source_kind' }) sourceKind!: string;
  @Property({ type: 'string', fieldName: 'source_id', nullable: true }) sourceId!: string | null;
  @Property({ type: 'string' }) activity!: string;
  @Property({ type: 'string', fieldName: 'served_on' }) servedOn!: string;
  @Property({ type: 'integer', fieldName: 'served_minutes' }) servedMinutes!: number;
  @Property({ type: 'datetime', fieldName: 'credited_at' }) creditedAt!: Date;
}
