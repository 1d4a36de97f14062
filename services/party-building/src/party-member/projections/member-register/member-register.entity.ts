import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EncryptedField } from '@cogov/eventsourcing';

/** Read-only mapping onto the `party_members` view. */
@Entity({ tableName: 'party_members' })
export class PartyMemberRow {
  @PrimaryKey({ type: 'string', fieldName: 'member_id' }) memberId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'json' }) name!: EncryptedField;
  @Property({ type: 'json' }) phone!: EncryptedField;
  @Property({ type: 'string', fieldName: 'membership_organisation' }) membershipOrganisation!: string;
  @Property({ type: 'string', fieldName: 'household_id', nullable: true }) householdId!: string | null;
  @Property({ type: 'datetime', fieldName: 'registered_at' }) registeredAt!: Date;
  @Property({ type: 'datetime', fieldName: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Property({ type: 'string', fieldName: 'end_reason', nullable: true }) endReason!: string | null;
}
