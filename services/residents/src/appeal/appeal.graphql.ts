import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EncryptedField } from '@cogov/eventsourcing';
import type { AppealBoardRow } from './projections/appeal-board/appeal-board.entity.js';
import type { AppealState } from './appeal.state.js';

@ObjectType('Stakeholder')
export class StakeholderType {
  @Field() kind!: string;
  @Field(() => ID) id!: string;
}

@ObjectType('AppealNote')
export class AppealNoteType {
  @Field() note!: string;
  @Field() notedAt!: string;
}

@ObjectType('Appeal', { description: 'An appeal (诉求) and where it stands.' })
export class AppealType {
  @Field(() => ID) id!: string;
  @Field(() => ID) communityId!: string;
  @Field() status!: string;
  @Field() category!: string;
  @Field(() => String, { nullable: true }) channel?: string | null;
  @Field(() => ID, { nullable: true }) gridId?: string | null;
  @Field(() => String, { nullable: true, description: 'Personal: masked unless you may see personal data; [erased] after erasure.' })
  description?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => ID, { nullable: true }) householdId?: string | null;
  @Field(() => ID, { nullable: true }) residentId?: string | null;
  @Field(() => StakeholderType, { nullable: true }) stakeholder?: StakeholderType | null;
  @Field(() => String, { nullable: true }) tier?: string | null;
  @Field(() => String, { nullable: true }) deadline?: string | null;
  @Field({ description: 'Dispatched and past its deadline, as of the query.' }) overdue!: boolean;
  @Field() escalated!: boolean;
  @Field(() => String, { nullable: true }) filedAt?: string | null;
  @Field(() => String, { nullable: true }) resolvedAt?: string | null;
  @Field(() => String, { nullable: true }) resolution?: string | null;
  @Field(() => String, { nullable: true }) rating?: string | null;
  @Field(() => Int, { nullable: true }) reopenCount?: number | null;
  @Field(() => [AppealNoteType], { nullable: true }) notes?: AppealNoteType[] | null;
  /** Encrypted description, presented when the response is written. */
  encryptedDescription?: EncryptedField;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function appealFromState(state: Exclude<AppealState, { status: 'empty' }>, now: Date): AppealType {
  const dispatched = state.status === 'dispatched' ? state : undefined;
  return {
    id: state.appealId,
    communityId: state.communityId,
    status: state.status,
    category: state.category,
    stakeholder: dispatched ? { ...dispatched.stakeholder } : null,
    tier: dispatched?.tier ?? null,
    deadline: dispatched?.deadline ?? null,
    overdue: dispatched ? Date.parse(dispatched.deadline) < now.getTime() : false,
    escalated: dispatched?.escalated ?? false,
    filedAt: state.status === 'filed' ? state.filedAt : null,
    resolvedAt: state.status === 'resolved' ? state.resolvedAt : null,
    rating: state.status === 'closed' ? state.rating : null,
  };
}

export function appealFromRow(row: AppealBoardRow, now: Date): AppealType {
  return {
    id: row.appealId,
    communityId: row.communityId,
    status: row.status,
    category: row.category,
    channel: row.channel,
    gridId: row.gridId,
    location: row.location,
    householdId: row.householdId,
    residentId: row.residentId,
    stakeholder: row.stakeholderKind && row.stakeholderId ? { kind: row.stakeholderKind, id: row.stakeholderId } : null,
    tier: row.tier,
    deadline: iso(row.deadline),
    overdue: row.status === 'dispatched' && row.deadline !== null && row.deadline.getTime() < now.getTime(),
    escalated: row.escalated,
    filedAt: iso(row.filedAt),
    resolvedAt: iso(row.resolvedAt),
    resolution: row.resolution,
    rating: row.rating,
    reopenCount: row.reopenCount,
    notes: row.notes,
    encryptedDescription: row.description,
  };
}
