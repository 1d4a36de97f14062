import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Read-only mapping onto the `household_contacts` view. */
@Entity({ tableName: 'household_contacts' })
export class HouseholdContactRow {
  @PrimaryKey({ type: 'string', fieldName: 'household_id' }) householdId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'member_id', nullable: true }) memberId!: string | null;
  @Property({ type: 'datetime', fieldName: 'assigned_at', nullable: true }) assignedAt!: Date | null;
  @Property({ type: 'string', fieldName: 'last_visit_on', nullable: true }) lastVisitOn!: string | null;
  @Property({ type: 'string', fieldName: 'last_visit_purpose', nullable: true }) lastVisitPurpose!: string | null;
  @Property({ type: 'string', fieldName: 'last_visit_member_id', nullable: true }) lastVisitMemberId!: string | null;
  @Property({ type: 'integer', fieldName: 'visit_count' }) visitCount!: number;
}
