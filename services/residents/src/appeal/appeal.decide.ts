/**
 * Appeal (诉求) decisions. Pure; see community.decide.ts for the context's quiet-or-reject rule. Every
 * step of the lifecycle below rejects outside its source state — two staff accepting the same appeal
 * learn that one of them was first. The only quiet command is escalation, which asserts "this dispatch
 * is escalated" and is raised repeatedly by the deadline watcher.
 *
 *   filed ─accept─▶ accepted ─dispatch─▶ dispatched ─resolve─▶ resolved ─return visit─▶ closed
 *                      └──────────── resolve (on the spot) ───────▲
 *   resolved, or closed with rating `unsatisfied` ─reopen─▶ reopened ─accept─▶ accepted …
 *   dispatched, past its deadline ─escalate─▶ dispatched (escalated, once per dispatch)
 *
 * The appeal's description arrives encrypted (subject = residentId when given, else appealId). The
 * escalation's street comes in the command: the handler reads it from the community.
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  InvalidStateError,
  NotFoundError,
  AlreadyExistsError,
  requireEncrypted,
  requireMetadata,
  requireNonEmpty,
  requireNullableNonEmpty,
  requireOneOf,
  requireString,
  ValidationError,
  type CommandMetadata,
} from '@cogov/domain';
import { deadlineFor, defaultDeadlinePolicy, isOverdue, tierOf, type DeadlinePolicy } from './appeal-deadlines.js';
import {
  APPEAL_CHANNELS,
  SATISFACTION_RATINGS,
  STAKEHOLDER_KINDS,
  type AppealAccepted,
  type AppealChannel,
  type AppealDispatched,
  type AppealEscalated,
  type AppealEvent,
  type AppealFiled,
  type AppealProgressNoted,
  type AppealReopened,
  type AppealResolved,
  type AppealReturnVisited,
  type SatisfactionRating,
  type Stakeholder,
} from './appeal.events.js';
import { evolve, initialState, type AppealState } from './appeal.state.js';

export type FileAppeal = {
  type: 'FileAppeal';
  data: {
    appealId: string;
    communityId: string;
    gridId: string | null;
    channel: AppealChannel;
    category: string;
    description: EncryptedField;
    location: string;
    householdId: string | null;
    residentId: string | null;
  };
  metadata: CommandMetadata;
};

export type AcceptAppeal = { type: 'AcceptAppeal'; data: { appealId: string }; metadata: CommandMetadata };

export type DispatchAppeal = {
  type: 'DispatchAppeal';
  data: { appealId: string; stakeholder: Stakeholder };
  metadata: CommandMetadata;
};

export type NoteAppealProgress = {
  type: 'NoteAppealProgress';
  data: { appealId: string; note: string };
  metadata: CommandMetadata;
};

export type ResolveAppeal = {
  type: 'ResolveAppeal';
  data: { appealId: string; resolution: string };
  metadata: CommandMetadata;
};

export type RecordReturnVisit = {
  type: 'RecordReturnVisit';
  /** `comment` may be empty: not every resident says more than the rating. */
  data: { appealId: string; rating: SatisfactionRating; comment: string };
  metadata: CommandMetadata;
};

export type ReopenAppeal = {
  type: 'ReopenAppeal';
  data: { appealId: string; reason: string };
  metadata: CommandMetadata;
};

export type EscalateAppeal = {
  type: 'EscalateAppeal';
  data: { appealId: string; streetId: string };
  metadata: CommandMetadata;
};

export type AppealCommand =
  | FileAppeal
  | AcceptAppeal
  | DispatchAppeal
  | NoteAppealProgress
  | ResolveAppeal
  | RecordReturnVisit
  | ReopenAppeal
  | EscalateAppeal;

type Existing = Exclude<AppealState, { status: 'empty' }>;
type Status = Existing['status'];

const statusList = (statuses: readonly string[]): string => {
  const list = statuses.join(' or ');
  return /^[aeiou]/.test(list) ? `an ${list}` : `a ${list}`;
};

/**
 * The appeal, if it exists and is in one of `allowed`. The rejection reads "appeal A is resolved; only a
 * dispatched or accepted appeal can be resolved": `doing` is the participle, `allowedText` overrides the
 * list of statuses when a further rule narrows it.
 */
function requireStatus<S extends Status>(
  state: AppealState,
  appealId: string,
  allowed: readonly S[],
  doing: string,
  allowedText = statusList(allowed),
): Extract<AppealState, { status: S }> {
  if (state.status === 'empty') throw new NotFoundError('appeal', appealId);
  if (!(allowed as readonly Status[]).includes(state.status)) {
    throw new InvalidStateError(`appeal ${appealId} is ${state.status}; only ${allowedText} appeal can be ${doing}`);
  }
  return state as Extract<AppealState, { status: S }>;
}

/**
 * Never quiet: an existing appeal rejects (AlreadyExistsError) — its description is ciphertext, so an
 * identical repeat cannot be told from a different appeal under a reused id. Unknown category: ValidationError.
 */
function fileAppeal({ data, metadata }: FileAppeal, state: AppealState, policy: DeadlinePolicy): AppealFiled[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  const residentId = requireNullableNonEmpty(data.residentId, 'residentId');
  const category = requireNonEmpty(data.category, 'category');
  tierOf(policy, category);
  const filed: AppealFiled['data'] = {
    appealId,
    communityId: requireNonEmpty(data.communityId, 'communityId'),
    gridId: requireNullableNonEmpty(data.gridId, 'gridId'),
    channel: requireOneOf(data.channel, APPEAL_CHANNELS, 'channel'),
    category,
    description: requireEncrypted(data.description, 'description', residentId ?? appealId),
    location: requireNonEmpty(data.location, 'location'),
    householdId: requireNullableNonEmpty(data.householdId, 'householdId'),
    residentId,
    filedAt: metadata.now,
  };
  if (state.status !== 'empty') throw new AlreadyExistsError('appeal', appealId);
  return [{ type: 'AppealFiled', data: filed }];
}

/** Never quiet: only a filed or reopened appeal can be accepted; accepting twice is InvalidStateError. */
function acceptAppeal({ data, metadata }: AcceptAppeal, state: AppealState): AppealAccepted[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  const appeal = requireStatus(state, appealId, ['filed', 'reopened'], 'accepted');
  return [{ type: 'AppealAccepted', data: { appealId, communityId: appeal.communityId, acceptedAt: metadata.now } }];
}

/**
 * Never quiet: only an accepted appeal can be dispatched, so dispatching twice is InvalidStateError.
 * The tier comes from the category and the deadline from the tier (appeal-deadlines.ts); a category
 * dropped from the configuration since filing is a ValidationError on `category`.
 */
function dispatchAppeal(
  { data, metadata }: DispatchAppeal,
  state: AppealState,
  policy: DeadlinePolicy,
): AppealDispatched[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  if (typeof data.stakeholder !== 'object' || data.stakeholder === null) {
    throw new ValidationError('stakeholder', 'stakeholder is required');
  }
  const stakeholder: Stakeholder = {
    kind: requireOneOf(data.stakeholder.kind, STAKEHOLDER_KINDS, 'stakeholder.kind'),
    id: requireNonEmpty(data.stakeholder.id, 'stakeholder.id'),
  };
  const appeal = requireStatus(state, appealId, ['accepted'], 'dispatched');
  const { tier, deadline } = deadlineFor(policy, appeal.category, metadata.now);
  return [
    {
      type: 'AppealDispatched',
      data: { appealId, communityId: appeal.communityId, stakeholder, tier, deadline, dispatchedAt: metadata.now },
    },
  ];
}

/**
 * Never quiet: every note is a new fact, even one worded like the last (a retried command is deduplicated
 * by the shell through its command id). Only a dispatched appeal takes progress notes.
 */
function noteAppealProgress({ data, metadata }: NoteAppealProgress, state: AppealState): AppealProgressNoted[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  const note = requireNonEmpty(data.note, 'note');
  const appeal = requireStatus(state, appealId, ['dispatched'], 'given progress notes');
  return [{ type: 'AppealProgressNoted', data: { appealId, communityId: appeal.communityId, note, notedAt: metadata.now } }];
}

/**
 * Never quiet: only a dispatched appeal, or an accepted one settled on the spot (即接即办), can be
 * resolved; resolving twice is InvalidStateError.
 */
function resolveAppeal({ data, metadata }: ResolveAppeal, state: AppealState): AppealResolved[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  const resolution = requireNonEmpty(data.resolution, 'resolution');
  const appeal = requireStatus(state, appealId, ['dispatched', 'accepted'], 'resolved');
  return [
    { type: 'AppealResolved', data: { appealId, communityId: appeal.communityId, resolution, resolvedAt: metadata.now } },
  ];
}

/** Never quiet: only a resolved appeal can be return-visited; the visit closes it, so a second one rejects. */
function recordReturnVisit({ data, metadata }: RecordReturnVisit, state: AppealState): AppealReturnVisited[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  const rating = requireOneOf(data.rating, SATISFACTION_RATINGS, 'rating');
  const comment = requireString(data.comment, 'comment');
  const appeal = requireStatus(state, appealId, ['resolved'], 'return-visited');
  return [
    {
      type: 'AppealReturnVisited',
      data: { appealId, communityId: appeal.communityId, rating, comment, visitedAt: metadata.now },
    },
  ];
}

/**
 * Never quiet: a resolved appeal can be reopened (the resident disputes the resolution before the return
 * visit), and a closed one only if the resident was unsatisfied — a satisfied or basically satisfied
 * rating closes the case for good; a new complaint is a new appeal. Reopening twice is InvalidStateError.
 */
function reopenAppeal({ data, metadata }: ReopenAppeal, state: AppealState): AppealReopened[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  const reason = requireNonEmpty(data.reason, 'reason');
  const allowedText = 'a resolved or unsatisfied closed';
  const appeal = requireStatus(state, appealId, ['resolved', 'closed'], 'reopened', allowedText);
  if (appeal.status === 'closed' && appeal.rating !== 'unsatisfied') {
    throw new InvalidStateError(
      `appeal ${appealId} was closed as ${appeal.rating}; only ${allowedText} appeal can be reopened`,
    );
  }
  return [
    { type: 'AppealReopened', data: { appealId, communityId: appeal.communityId, reason, reopenedAt: metadata.now } },
  ];
}

/**
 * Quiet when this dispatch is already escalated (the watcher may fire again). Only a dispatched appeal
 * can be escalated (InvalidStateError), and only strictly after its deadline (InvalidStateError).
 */
function escalateAppeal({ data, metadata }: EscalateAppeal, state: AppealState): AppealEscalated[] {
  const appealId = requireNonEmpty(data.appealId, 'appealId');
  const streetId = requireNonEmpty(data.streetId, 'streetId');
  const appeal = requireStatus(state, appealId, ['dispatched'], 'escalated');
  if (appeal.escalated) return [];
  if (!isOverdue(appeal.deadline, metadata.now)) {
    throw new InvalidStateError(`appeal ${appealId} is not overdue; its deadline is ${appeal.deadline}`);
  }
  return [
    {
      type: 'AppealEscalated',
      data: { appealId, communityId: appeal.communityId, streetId, deadline: appeal.deadline, escalatedAt: metadata.now },
    },
  ];
}

/** An appeal decider under a deadline policy (the configured category catalogue and time limits). */
export function createAppealDecider(
  policy: DeadlinePolicy = defaultDeadlinePolicy,
): Decider<AppealCommand, AppealEvent, AppealState> {
  const decide = (command: AppealCommand, state: AppealState): AppealEvent[] => {
    // Normalised `now`: every time the events carry is spelt with millisecond precision.
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'FileAppeal':
        return fileAppeal({ ...command, metadata }, state, policy);
      case 'AcceptAppeal':
        return acceptAppeal({ ...command, metadata }, state);
      case 'DispatchAppeal':
        return dispatchAppeal({ ...command, metadata }, state, policy);
      case 'NoteAppealProgress':
        return noteAppealProgress({ ...command, metadata }, state);
      case 'ResolveAppeal':
        return resolveAppeal({ ...command, metadata }, state);
      case 'RecordReturnVisit':
        return recordReturnVisit({ ...command, metadata }, state);
      case 'ReopenAppeal':
        return reopenAppeal({ ...command, metadata }, state);
      case 'EscalateAppeal':
        return escalateAppeal({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown appeal command ${(command as { type: string }).type}`);
      }
    }
  };
  return { decide, evolve, initialState };
}

export const appealDecider: Decider<AppealCommand, AppealEvent, AppealState> = createAppealDecider();
export const decide = appealDecider.decide;
