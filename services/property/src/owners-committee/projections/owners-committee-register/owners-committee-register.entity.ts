import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Read-only mapping onto the `owners_committee_register` view. */
@Entity({ tableName: 'owners_committee_register' })
export class OwnersCommitteeRow {
  @PrimaryKey({ type: 'string', fieldName: 'committee_id' }) committeeId!: string;
  @Property({ type: 'string', fieldName: 'compound_id' }) compoundId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'json', fieldName: 'preparatory_group_ids' }) preparatoryGroupIds!: string[];
  @Property({ type: 'string', fieldName: 'assembly_id', nullable: true }) assemblyId!: string | null;
  @Property({ type: 'json', fieldName: 'member_ids' }) memberIds!: string[];
  @Property({ type: 'string', fieldName: 'filed_with', nullable: true }) filedWith!: string | null;
  @Property({ type: 'string', fieldName: 'filing_number', nullable: true }) filingNumber!: string | null;
  @Property({ type: 'datetime', fieldName: 'formed_at' }) formedAt!: Date;
  @Property({ type: 'datetime', fieldName: 'elected_at', nullable: true }) electedAt!: Date | null;
  @Property({ type: 'datetime', fieldName: 'filed_at', nullable: true }) filedAt!: Date | null;
}
