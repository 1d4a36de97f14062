import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { BigIntType } from '@mikro-orm/postgresql';

/** Read-only mapping onto the `community_pairings` view. Money is whole fen (bigint, read as a safe number). */
@Entity({ tableName: 'community_pairings' })
export class PairingRow {
  @PrimaryKey({ type: 'string', fieldName: 'pairing_id' }) pairingId!: string;
  @Property({ type: 'string', fieldName: 'organisation_id' }) organisationId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'json' }) commitments!: string[];
  @Property({ type: new BigIntType('number'), fieldName: 'pledged_fen' }) pledgedFen!: number;
  @Property({ type: new BigIntType('number'), fieldName: 'disbursed_total_fen' }) disbursedTotalFen!: number;
  @Property({ type: 'integer', fieldName: 'activities_count' }) activitiesCount!: number;
  @Property({ type: 'integer', fieldName: 'staff_participants' }) staffParticipants!: number;
  @Property({ type: 'integer', fieldName: 'resident_participants' }) residentParticipants!: number;
  /** month → theme */
  @Property({ type: 'json' }) themes!: Record<string, string>;
  /** period → the review's rating and comments */
  @Property({ type: 'json' }) reviews!: Record<string, { rating: string; comments: string }>;
  @Property({ type: 'string', fieldName: 'established_on' }) establishedOn!: string;
  @Property({ type: 'string', fieldName: 'ended_on', nullable: true }) endedOn!: string | null;
  @Property({ type: 'string', fieldName: 'end_reason', nullable: true }) endReason!: string | null;
}
