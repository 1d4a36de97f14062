import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EncryptedField } from '@cogov/eventsourcing';

/** Read-only mapping onto the `appeal_board` view. */
@Entity({ tableName: 'appeal_board' })
export class AppealBoardRow {
  @PrimaryKey({ type: 'string', fieldName: 'appeal_id' }) appealId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'grid_id', nullable: true }) gridId!: string | null;
  @Property({ type: 'string' }) channel!: string;
  @Property({ type: 'string' }) category!: string;
  @Property({ type: 'json' }) description!: EncryptedField;
  @Property({ type: 'string' }) location!: string;
  @Property({ type: 'string', fieldName: 'household_id', nullable: true }) householdId!: string | null;
  @Property({ type: 'string', fieldName: 'resident_id', nullable: true }) residentId!: string | null;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'string', fieldName: 'stakeholder_kind', nullable: true }) stakeholderKind!: string | null;
  @Property({ type: 'string', fieldName: 'stakeholder_id', nullable: true }) stakeholderId!: string | null;
  @Property({ type: 'string', nullable: true }) tier!: string | null;
  @Property({ type: 'datetime', nullable: true }) deadline!: Date | null;
  @Property({ type: 'boolean' }) escalated!: boolean;
  @Property({ type: 'boolean', fieldName: 'ever_escalated' }) everEscalated!: boolean;
  @Property({ type: 'datetime', fieldName: 'filed_at' }) filedAt!: Date;
  @Property({ type: 'datetime', fieldName: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Property({ type: 'datetime', fieldName: 'dispatched_at', nullable: true }) dispatchedAt!: Date | null;
  @Property({ type: 'datetime', fieldName: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Property({ type: 'string', nullable: true }) resolution!: string | null;
  @Property({ type: 'string', nullable: true }) rating!: string | null;
  @Property({ type: 'string', fieldName: 'rating_comment', nullable: true }) ratingComment!: string | null;
  @Property({ type: 'integer', fieldName: 'reopen_count' }) reopenCount!: number;
  @Property({ type: 'json' }) notes!: { note: string; notedAt: string }[];
}
