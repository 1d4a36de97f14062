import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Read-only mapping onto the `party_activities` view. */
@Entity({ tableName: 'party_activities' })
export class PartyActivityRow {
  @PrimaryKey({ type: 'string', fieldName: 'activity_id' }) activityId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'organisation_id' }) organisationId!: string;
  @Property({ type: 'string' }) kind!: string;
  @Property({ type: 'string' }) title!: string;
  @Property({ type: 'string', fieldName: 'held_on' }) heldOn!: string;
  @Property({ type: 'integer', fieldName: 'participant_count' }) participantCount!: number;
  @Property({ type: 'integer', fieldName: 'registered_member_count' }) registeredMemberCount!: number;
}
