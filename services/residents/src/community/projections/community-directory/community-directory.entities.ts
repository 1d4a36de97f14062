import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EncryptedField } from '@cogov/eventsourcing';

/** Read-only mappings onto the directory's views (the projection writes the versioned tables in SQL). */

@Entity({ tableName: 'communities' })
export class CommunityRow {
  @PrimaryKey({ type: 'string' }) id!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string', fieldName: 'street_id' }) streetId!: string;
  @Property({ type: 'string', fieldName: 'street_name' }) streetName!: string;
  @Property({ type: 'integer', fieldName: 'households_count' }) householdsCount!: number;
  @Property({ type: 'integer', fieldName: 'residents_count' }) residentsCount!: number;
}

@Entity({ tableName: 'grids' })
export class GridRow {
  @PrimaryKey({ type: 'string' }) id!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string', fieldName: 'worker_id', nullable: true }) workerId!: string | null;
  @Property({ type: 'json', fieldName: 'worker_name', nullable: true }) workerName!: EncryptedField | null;
  @Property({ type: 'integer' }) position!: number;
}

@Entity({ tableName: 'households' })
export class HouseholdRow {
  @PrimaryKey({ type: 'string' }) id!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'grid_id' }) gridId!: string;
  @Property({ type: 'string' }) compound!: string;
  @Property({ type: 'string' }) building!: string;
  @Property({ type: 'string' }) unit!: string;
  @Property({ type: 'string' }) room!: string;
  @Property({ type: 'integer', fieldName: 'residents_count' }) residentsCount!: number;
}

export interface TagChange {
  op: 'tag' | 'untag';
  tag: EncryptedField;
}

@Entity({ tableName: 'residents' })
export class ResidentRow {
  @PrimaryKey({ type: 'string' }) id!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'household_id' }) householdId!: string;
  @Property({ type: 'string', fieldName: 'grid_id' }) gridId!: string;
  @Property({ type: 'json' }) name!: EncryptedField;
  @Property({ type: 'json', fieldName: 'id_number' }) idNumber!: EncryptedField;
  @Property({ type: 'json' }) phone!: EncryptedField;
  @Property({ type: 'string', fieldName: 'moved_in_on', columnType: 'date' }) movedInOn!: string;
  @Property({ type: 'string', fieldName: 'moved_out_on', columnType: 'date', nullable: true }) movedOutOn!: string | null;
  @Property({ type: 'string', fieldName: 'move_out_reason', nullable: true }) moveOutReason!: string | null;
  @Property({ type: 'json', fieldName: 'tag_changes' }) tagChanges!: TagChange[];
  @Property({ type: 'boolean' }) erased!: boolean;
  @Property({ type: 'bigint', fieldName: 'position' }) position!: string;
}
