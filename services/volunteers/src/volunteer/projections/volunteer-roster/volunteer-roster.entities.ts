import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { EncryptedField } from '@cogov/eventsourcing';

/** Read-only mappings onto the roster's views (the projection writes the versioned tables in SQL). */

@Entity({ tableName: 'volunteers' })
export class VolunteerRow {
  @PrimaryKey({ type: 'string', fieldName: 'volunteer_id' }) volunteerId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string', fieldName: 'linked_kind' }) linkedKind!: string;
  @Property({ type: 'string', fieldName: 'linked_id' }) linkedId!: string;
  /** JSON null (not SQL NULL) for a party member's volunteer registered without them; likewise phone and idNumber. */
  @Property({ type: 'json' }) name!: EncryptedField | null;
  @Property({ type: 'json' }) phone!: EncryptedField | null;
  @Property({ type: 'json', fieldName: 'id_number' }) idNumber!: EncryptedField | null;
  @Property({ type: 'json' }) skills!: string[];
  /** In order of entry. */
  @Property({ type: 'json' }) trainings!: { trainingId: string; course: string; provider: string; completedOn: string; trainingMinutes: number }[];
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'datetime', fieldName: 'registered_at' }) registeredAt!: Date;
  @Property({ type: 'datetime', fieldName: 'suspended_at', nullable: true }) suspendedAt!: Date | null;
}

@Entity({ tableName: 'volunteer_teams' })
export class TeamRow {
  @PrimaryKey({ type: 'string', fieldName: 'team_id' }) teamId!: string;
  @Property({ type: 'string', fieldName: 'community_id' }) communityId!: string;
  @Property({ type: 'string' }) name!: string;
  @Property({ type: 'string' }) category!: string;
  @Property({ type: 'string' }) status!: string;
  @Property({ type: 'datetime', fieldName: 'formed_at' }) formedAt!: Date;
}

@Entity({ tableName: 'volunteer_team_members' })
export class TeamMemberRow {
  @PrimaryKey({ type: 'string', fieldName: 'team_id' }) teamId!: string;
  @PrimaryKey({ type: 'string', fieldName: 'volunteer_id' }) volunteerId!: string;
  @Property({ type: 'datetime', fieldName: 'joined_at' }) joinedAt!: Date;
}
