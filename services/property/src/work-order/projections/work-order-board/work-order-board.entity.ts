import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Read-only mapping onto the `work_order_board` view. */
@Entity({ tableName: 'work_order_board' })
export class WorkOrderRow {
  @PrimaryKey({ type: 'string', fieldName: 'work_order_id' }) workOrderId!: string;
  @Property({ type: 'string', fieldName: 'compound_id' }) compoundId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) category!: string;
  @Property({ type: 'string' }) summary!: string;
  @Property({ type: 'string' }) location!: string;
  @Property({ type: 'string', fieldName: 'appeal_id', nullable: true }) appealId!: string | null;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'string', fieldName: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @Property({ type: 'string', fieldName: 'completion_note', nullable: true }) completionNote!: string | null;
  @Property({ type: 'string', fieldName: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Property({ type: 'string', fieldName: 'verified_by', nullable: true }) verifiedBy!: string | null;
  @Property({ type: 'string', fieldName: 'verification_note', nullable: true }) verificationNote!: string | null;
  @Property({ type: 'datetime', fieldName: 'opened_at' }) openedAt!: Date;
  @Property({ type: 'datetime', fieldName: 'assigned_at', nullable: true }) assignedAt!: Date | null;
  @Property({ type: 'datetime', fieldName: 'completed_at', nullable: true }) completedAt!: Date | null;
  @Property({ type: 'datetime', fieldName: 'verified_at', nullable: true }) verifiedAt!: Date | null;
}
