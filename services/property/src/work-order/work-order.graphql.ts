import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { WorkOrderRow } from './projections/work-order-board/work-order-board.entity.js';

export const WORK_ORDER_STATUSES = ['opened', 'assigned', 'completed', 'verified'] as const;

@ObjectType('WorkOrder', { description: 'A property work order (工单) in a compound.' })
export class WorkOrderType {
  @Field(() => ID) id!: string;
  @Field(() => ID) compoundId!: string;
  @Field(() => ID) communityId!: string;
  @Field({ description: 'repair | cleaning | parking | safety' }) category!: string;
  @Field() summary!: string;
  @Field() location!: string;
  @Field(() => ID, { nullable: true, description: 'The appeal it was opened from, if any.' }) appealId!: string | null;
  @Field({ description: 'opened | assigned | completed | verified' }) status!: string;
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => String, { nullable: true }) completionNote!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the last completion was sent back.' }) rejectionReason!: string | null;
  @Field(() => ID, { nullable: true }) verifiedBy!: string | null;
  @Field(() => String, { nullable: true }) verificationNote!: string | null;
  @Field() openedAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
}

export function workOrderFromRow(row: WorkOrderRow): WorkOrderType {
  return {
    id: row.workOrderId,
    compoundId: row.compoundId,
    communityId: row.communityId,
    category: row.category,
    summary: row.summary,
    location: row.location,
    appealId: row.appealId,
    status: row.status,
    assigneeId: row.assigneeId,
    completionNote: row.completionNote,
    rejectionReason: row.rejectionReason,
    verifiedBy: row.verifiedBy,
    verificationNote: row.verificationNote,
    openedAt: row.openedAt,
    completedAt: row.completedAt,
    verifiedAt: row.verifiedAt,
  };
}
