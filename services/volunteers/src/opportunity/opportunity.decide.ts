/**
 * Service opportunity decisions. Pure; idempotency as in volunteer.decide.ts: signing up and withdrawing
 * assert membership of the sign-up list, so they are quiet when it already holds; check-in, check-out,
 * verification and cancellation move a lifecycle on and reject outside their state, repeats included.
 *
 *   opportunity: published ─cancel (nobody checked in yet)─▶ cancelled
 *                published ─complete (everyone who came verified, at least one)─▶ completed
 *   volunteer:   signed up ─check in─▶ checked in ─check out─▶ checked out ─verify hours─▶ verified
 *                signed up ─withdraw─▶ (gone, the place is free again)
 *
 * Invariants: sign-ups never exceed the capacity; sign-up is open until the opportunity ends; check-in opens
 * an hour before the start and closes at the end; verified minutes never exceed the minutes present.
 * Whether the volunteer exists and is not suspended is checked by the shell against the volunteer stream.
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  requireEncrypted,
  requireMetadata,
  requireNonEmpty,
  requireNullableNonEmpty,
  requireOneOf,
  requirePositiveInteger,
  requireUtcInstant,
  sameFacts,
  shanghaiDateOf,
  ValidationError,
  type CommandMetadata,
} from '@cogov/domain';
import {
  OPPORTUNITY_SOURCE_KINDS,
  type OpportunityEvent,
  type OpportunityServiceHoursVerified,
  type OpportunitySource,
  type ServiceOpportunityCancelled,
  type ServiceOpportunityCompleted,
  type ServiceOpportunityPublished,
  type VolunteerCheckedIn,
  type VolunteerCheckedOut,
  type VolunteerSignedUp,
  type VolunteerWithdrewFromOpportunity,
} from './opportunity.events.js';
import { evolve, initialState, type OpportunityState, type Participation, type PublicationFacts } from './opportunity.state.js';

export type PublishServiceOpportunity = {
  type: 'PublishServiceOpportunity';
  data: {
    opportunityId: string;
    communityId: string;
    source: OpportunitySource;
    teamId: string | null;
    title: string;
    content: string;
    place: string;
    organisingUnit: string;
    personInChargeId: string;
    personInChargeName: EncryptedField;
    startsAt: string;
    endsAt: string;
    capacity: number;
  };
  metadata: CommandMetadata;
};

type VolunteerOnOpportunity = { opportunityId: string; volunteerId: string };

export type SignUpForOpportunity = { type: 'SignUpForOpportunity'; data: VolunteerOnOpportunity; metadata: CommandMetadata };
export type WithdrawFromOpportunity = {
  type: 'WithdrawFromOpportunity';
  data: VolunteerOnOpportunity & { reason: string };
  metadata: CommandMetadata;
};
/** `checkedInAt`: the time on the sign-in sheet when staff enter it afterwards (补录); never in the future. */
export type CheckInVolunteer = { type: 'CheckInVolunteer'; data: VolunteerOnOpportunity & { checkedInAt?: string | null }; metadata: CommandMetadata };
export type CheckOutVolunteer = { type: 'CheckOutVolunteer'; data: VolunteerOnOpportunity; metadata: CommandMetadata };
export type VerifyServiceHours = {
  type: 'VerifyServiceHours';
  data: VolunteerOnOpportunity & { servedMinutes: number };
  metadata: CommandMetadata;
};
export type CompleteServiceOpportunity = { type: 'CompleteServiceOpportunity'; data: { opportunityId: string }; metadata: CommandMetadata };
export type CancelServiceOpportunity = {
  type: 'CancelServiceOpportunity';
  data: { opportunityId: string; reason: string };
  metadata: CommandMetadata;
};

export type OpportunityCommand =
  | CompleteServiceOpportunity
  | PublishServiceOpportunity
  | SignUpForOpportunity
  | WithdrawFromOpportunity
  | CheckInVolunteer
  | CheckOutVolunteer
  | VerifyServiceHours
  | CancelServiceOpportunity;

type Published = Extract<OpportunityState, { status: 'published' }>;

const CHECK_IN_OPENS_BEFORE_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

function requirePublished(state: OpportunityState, opportunityId: string, doing: string): Published {
  if (state.status === 'empty') throw new NotFoundError('service opportunity', opportunityId);
  if (state.status === 'cancelled' || state.status === 'completed') {
    throw new InvalidStateError(`service opportunity ${opportunityId} is ${state.status}; it can no longer be ${doing}`);
  }
  return state;
}

function requireStage<S extends Participation['stage']>(
  opportunity: Published,
  volunteerId: string,
  stage: S,
  doing: string,
): Extract<Participation, { stage: S }> {
  const participation = opportunity.participants[volunteerId];
  if (participation === undefined) {
    throw new InvalidStateError(`volunteer ${volunteerId} is not signed up for service opportunity ${opportunity.opportunityId}`);
  }
  if (participation.stage !== stage) {
    throw new InvalidStateError(
      `volunteer ${volunteerId} is ${participation.stage.replace('_', ' ')}; only a volunteer ${stage.replace('_', ' ')} can be ${doing}`,
    );
  }
  return participation as Extract<Participation, { stage: S }>;
}

const ids = (opportunity: Published, volunteerId: string) => ({
  opportunityId: opportunity.opportunityId,
  communityId: opportunity.communityId,
  volunteerId,
});

/**
 * Quiet when published already with identical facts (the person in charge's name is compared by their id:
 * its ciphertext differs on every encryption); AlreadyExistsError otherwise.
 */
function publish({ data, metadata }: PublishServiceOpportunity, state: OpportunityState): ServiceOpportunityPublished[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  if (typeof data.source !== 'object' || data.source === null) throw new ValidationError('data.source', 'data.source is required');
  const kind = requireOneOf(data.source.kind, OPPORTUNITY_SOURCE_KINDS, 'data.source.kind');
  let sourceId: string | null = null;
  if (kind !== 'standalone') sourceId = requireNonEmpty(data.source.id, 'data.source.id');
  else if (data.source.id !== null) throw new ValidationError('data.source.id', 'data.source.id must be null for a standalone opportunity');
  const personInChargeId = requireNonEmpty(data.personInChargeId, 'data.personInChargeId');
  const personInChargeName = requireEncrypted(data.personInChargeName, 'data.personInChargeName', personInChargeId);
  const startsAt = requireUtcInstant(data.startsAt, 'data.startsAt');
  const endsAt = requireUtcInstant(data.endsAt, 'data.endsAt');
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw new ValidationError('data.endsAt', 'data.endsAt must be after data.startsAt');
  const facts: PublicationFacts = {
    opportunityId,
    communityId: requireNonEmpty(data.communityId, 'data.communityId'),
    source: { kind, id: sourceId },
    teamId: requireNullableNonEmpty(data.teamId, 'data.teamId'),
    title: requireNonEmpty(data.title, 'data.title').trim(),
    content: requireNonEmpty(data.content, 'data.content').trim(),
    place: requireNonEmpty(data.place, 'data.place').trim(),
    organisingUnit: requireNonEmpty(data.organisingUnit, 'data.organisingUnit').trim(),
    personInChargeId,
    startsAt,
    endsAt,
    capacity: requirePositiveInteger(data.capacity, 'data.capacity'),
  };
  if (state.status !== 'empty') {
    if (sameFacts(state.publication, facts)) return [];
    throw new AlreadyExistsError('service opportunity', opportunityId, `published as ${state.publication.title}`);
  }
  return [{ type: 'ServiceOpportunityPublished', data: { ...facts, personInChargeName, publishedAt: metadata.now } }];
}

/** Quiet when already taking part. InvalidStateError when full, ended or cancelled. */
function signUp({ data, metadata }: SignUpForOpportunity, state: OpportunityState): VolunteerSignedUp[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const opportunity = requirePublished(state, opportunityId, 'signed up for');
  if (opportunity.participants[volunteerId] !== undefined) return [];
  if (Date.parse(metadata.now) >= Date.parse(opportunity.endsAt)) {
    throw new InvalidStateError(`service opportunity ${opportunityId} ended at ${opportunity.endsAt}`);
  }
  const signedUpCount = Object.keys(opportunity.participants).length + 1;
  if (signedUpCount > opportunity.capacity) {
    throw new InvalidStateError(`service opportunity ${opportunityId} is full (${opportunity.capacity} places)`);
  }
  return [
    {
      type: 'VolunteerSignedUp',
      data: { ...ids(opportunity, volunteerId), signedUpCount, capacity: opportunity.capacity, signedUpAt: metadata.now },
    },
  ];
}

/** Quiet when not taking part. Only before check-in (InvalidStateError after). */
function withdraw({ data, metadata }: WithdrawFromOpportunity, state: OpportunityState): VolunteerWithdrewFromOpportunity[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  const opportunity = requirePublished(state, opportunityId, 'withdrawn from');
  if (opportunity.participants[volunteerId] === undefined) return [];
  requireStage(opportunity, volunteerId, 'signed_up', 'withdrawn');
  return [{ type: 'VolunteerWithdrewFromOpportunity', data: { ...ids(opportunity, volunteerId), reason, withdrewAt: metadata.now } }];
}

/** Lifecycle: signed up → checked in, from an hour before the start until the end. */
function checkIn({ data, metadata }: CheckInVolunteer, state: OpportunityState): VolunteerCheckedIn[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const opportunity = requirePublished(state, opportunityId, 'checked in to');
  requireStage(opportunity, volunteerId, 'signed_up', 'checked in');
  const checkedInAt = data.checkedInAt == null ? metadata.now : requireUtcInstant(data.checkedInAt, 'data.checkedInAt');
  if (Date.parse(checkedInAt) > Date.parse(metadata.now)) throw new ValidationError('data.checkedInAt', 'data.checkedInAt cannot be in the future');
  const now = Date.parse(checkedInAt);
  if (now < Date.parse(opportunity.startsAt) - CHECK_IN_OPENS_BEFORE_MS || now >= Date.parse(opportunity.endsAt)) {
    throw new InvalidStateError(
      `check-in to service opportunity ${opportunityId} is open from an hour before ${opportunity.startsAt} until ${opportunity.endsAt}`,
    );
  }
  return [{ type: 'VolunteerCheckedIn', data: { ...ids(opportunity, volunteerId), checkedInAt } }];
}

/** Lifecycle: checked in → checked out; the minutes present are whole minutes between the two. */
function checkOut({ data, metadata }: CheckOutVolunteer, state: OpportunityState): VolunteerCheckedOut[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const opportunity = requirePublished(state, opportunityId, 'checked out of');
  const { checkedInAt } = requireStage(opportunity, volunteerId, 'checked_in', 'checked out');
  const minutesPresent = Math.floor((Date.parse(metadata.now) - Date.parse(checkedInAt)) / MINUTE_MS);
  return [
    {
      type: 'VolunteerCheckedOut',
      data: { ...ids(opportunity, volunteerId), checkedInAt, checkedOutAt: metadata.now, minutesPresent },
    },
  ];
}

/**
 * Lifecycle: checked out → verified, once; the organiser confirms the minutes actually served (breaks
 * excluded), never more than the minutes present (ValidationError on data.servedMinutes).
 */
function verifyHours({ data, metadata }: VerifyServiceHours, state: OpportunityState): OpportunityServiceHoursVerified[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const servedMinutes = requirePositiveInteger(data.servedMinutes, 'data.servedMinutes');
  const opportunity = requirePublished(state, opportunityId, 'verified');
  const { checkedInAt, minutesPresent } = requireStage(opportunity, volunteerId, 'checked_out', 'verified');
  if (servedMinutes > minutesPresent) {
    throw new ValidationError('data.servedMinutes', `data.servedMinutes must be at most the ${minutesPresent} minutes present`);
  }
  return [
    {
      type: 'OpportunityServiceHoursVerified',
      data: {
        ...ids(opportunity, volunteerId),
        servedOn: shanghaiDateOf(checkedInAt),
        servedMinutes,
        verifiedBy: metadata.actor,
        verifiedAt: metadata.now,
      },
    },
  ];
}

/** Lifecycle: a published opportunity nobody has checked in to can be cancelled, once. */
function cancel({ data, metadata }: CancelServiceOpportunity, state: OpportunityState): ServiceOpportunityCancelled[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  const opportunity = requirePublished(state, opportunityId, 'cancelled');
  if (Object.values(opportunity.participants).some((p) => p.stage !== 'signed_up')) {
    throw new InvalidStateError(`service opportunity ${opportunityId} has volunteers checked in; it can no longer be cancelled`);
  }
  return [
    { type: 'ServiceOpportunityCancelled', data: { opportunityId, communityId: opportunity.communityId, reason, cancelledAt: metadata.now } },
  ];
}

/**
 * Lifecycle: an opportunity is completed once every volunteer who came has had their hours verified (nobody left
 * checked in or awaiting verification) and at least one has; volunteers signed up who never came do not hold it
 * up. Once.
 */
function complete({ data, metadata }: CompleteServiceOpportunity, state: OpportunityState): ServiceOpportunityCompleted[] {
  const opportunityId = requireNonEmpty(data.opportunityId, 'data.opportunityId');
  const opportunity = requirePublished(state, opportunityId, 'completed');
  const participants = Object.entries(opportunity.participants);
  const unsettled = participants.filter(([, p]) => p.stage === 'checked_in' || p.stage === 'checked_out').map(([volunteerId]) => volunteerId);
  if (unsettled.length > 0) {
    throw new InvalidStateError(`service opportunity ${opportunityId} has volunteers whose hours are not verified yet: ${unsettled.join(', ')}`);
  }
  const verified = participants.flatMap(([, p]) => (p.stage === 'verified' ? [p.servedMinutes] : []));
  if (verified.length === 0) throw new InvalidStateError(`service opportunity ${opportunityId} has no verified service; cancel it instead`);
  return [
    {
      type: 'ServiceOpportunityCompleted',
      data: {
        opportunityId,
        communityId: opportunity.communityId,
        source: opportunity.publication.source,
        verifiedVolunteers: verified.length,
        servedMinutes: verified.reduce((sum, m) => sum + m, 0),
        completedAt: metadata.now,
      },
    },
  ];
}

export const opportunityDecider: Decider<OpportunityCommand, OpportunityEvent, OpportunityState> = {
  decide(command, state) {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'PublishServiceOpportunity':
        return publish({ ...command, metadata }, state);
      case 'SignUpForOpportunity':
        return signUp({ ...command, metadata }, state);
      case 'WithdrawFromOpportunity':
        return withdraw({ ...command, metadata }, state);
      case 'CheckInVolunteer':
        return checkIn({ ...command, metadata }, state);
      case 'CheckOutVolunteer':
        return checkOut({ ...command, metadata }, state);
      case 'VerifyServiceHours':
        return verifyHours({ ...command, metadata }, state);
      case 'CancelServiceOpportunity':
        return cancel({ ...command, metadata }, state);
      case 'CompleteServiceOpportunity':
        return complete({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown service opportunity command ${(command as { type: string }).type}`);
      }
    }
  },
  evolve,
  initialState,
};

export const decide = opportunityDecider.decide;
