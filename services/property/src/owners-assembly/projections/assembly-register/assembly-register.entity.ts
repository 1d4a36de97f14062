import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ElectionCount, MotionCount, VoteRule } from '../../assembly-vote.js';

/** A motion's count as stored: the counted event's data without the assembly ids. */
export type MotionCountColumn = MotionCount & { matter: string; thresholdClass: string; rule: VoteRule; countedAt: string };
/** An election's count as stored: the counted event's data without the assembly ids. */
export type ElectionCountColumn = ElectionCount & { seats: number; rule: VoteRule; countedAt: string };

/** Read-only mapping onto the `assembly_register` view. */
@Entity({ tableName: 'assembly_register' })
export class AssemblyRow {
  @PrimaryKey({ type: 'string', fieldName: 'assembly_id' }) assemblyId!: string;
  @Property({ type: 'string', fieldName: 'compound_id' }) compoundId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) matter!: string;
  @Property({ type: 'string' }) motion!: string;
  /** Committee seats of an election; null for a motion. */
  @Property({ type: 'integer', nullable: true }) seats!: number | null;
  @Property({ type: 'string', fieldName: 'threshold_class' }) thresholdClass!: string;
  @Property({ type: 'json' }) rule!: VoteRule;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'json' }) roll!: Record<string, { ownerId: string; areaHundredthM2: number }>;
  @Property({ type: 'json', fieldName: 'candidate_ids' }) candidateIds!: string[];
  @Property({ type: 'integer', fieldName: 'ballots_cast' }) ballotsCast!: number;
  /** A motion's count when `seats` is null, else an election's. */
  @Property({ type: 'json', nullable: true }) result!: MotionCountColumn | ElectionCountColumn | null;
  @Property({ type: 'datetime', fieldName: 'convened_at' }) convenedAt!: Date;
}
