/**
 * Service-hours ledger decisions. Pure; idempotency as in volunteer.decide.ts: a record or certificate
 * repeated with identical facts is quiet, one that reuses an id with other facts rejects; revoking a
 * certificate is a lifecycle move and rejects when repeated.
 *
 * Invariants:
 * - every record names the activity, date, place, content, organising unit and person in charge, and the
 *   minutes actually served (1 to 1,440: one day at most per record);
 * - one record per volunteer and source (an opportunity, pairing activity or party activity cannot be
 *   counted twice under two record ids); the service date is not in the future;
 * - a record entered more than 10 working days after the service is flagged `late` (ledger-policy.ts),
 *   recorded all the same: lateness is for the supervisor's report, not a reason to lose the hours;
 * - the star level follows the cumulative verified hours (thresholds in ledger-policy.ts), announced once
 *   per level reached;
 * - a certificate states the cumulative hours at issue and carries an unguessable verification code made
 *   from random bytes the shell draws (verification-code.ts); it needs at least one record.
 */
import type { Decider, EncryptedField } from '@cogov/eventsourcing';
import {
  AlreadyExistsError,
  InvalidStateError,
  NotFoundError,
  requireCalendarDate,
  requireEncrypted,
  requireIntegerInRange,
  requireMetadata,
  requireNonEmpty,
  requireOneOf,
  sameFacts,
  shanghaiDateOf,
  ValidationError,
  type CommandMetadata,
} from '@cogov/domain';
import {
  RECORD_SOURCE_KINDS,
  type HoursLedgerEvent,
  type RecordSource,
  type ServiceCertificateIssued,
  type ServiceCertificateRevoked,
  type ServiceHoursRecorded,
  type VolunteerStarLevelReached,
} from './hours-ledger.events.js';
import { evolve, initialState, type HoursLedgerState, type RecordFacts } from './hours-ledger.state.js';
import { defaultLedgerPolicy, starLevelOf, workingDaysAfter, type LedgerPolicy } from './ledger-policy.js';
import { requireEntropy, verificationCodeOf } from './verification-code.js';

export type RecordServiceHours = {
  type: 'RecordServiceHours';
  data: {
    volunteerId: string;
    communityId: string;
    recordId: string;
    source: RecordSource;
    activity: string;
    servedOn: string;
    place: string;
    content: string;
    organisingUnit: string;
    personInChargeId: string;
    personInChargeName: EncryptedField;
    servedMinutes: number;
  };
  metadata: CommandMetadata;
};

export type IssueServiceCertificate = {
  type: 'IssueServiceCertificate';
  /** `entropy`: 16 bytes from a CSPRNG as 32 lower-case hex digits, drawn by the shell. */
  data: { volunteerId: string; communityId: string; certificateId: string; entropy: string };
  metadata: CommandMetadata;
};

export type RevokeServiceCertificate = {
  type: 'RevokeServiceCertificate';
  data: { volunteerId: string; certificateId: string; reason: string };
  metadata: CommandMetadata;
};

export type HoursLedgerCommand = RecordServiceHours | IssueServiceCertificate | RevokeServiceCertificate;

const DAY_MINUTES = 24 * 60;
const sourceKey = (source: RecordSource): string | null => (source.id === null ? null : `${source.kind}:${source.id}`);

/**
 * Quiet when the record id was entered with identical facts (the person in charge compared by id, since
 * ciphertexts differ); AlreadyExistsError when the id, or the source, is already in the ledger otherwise.
 */
function recordHours(
  { data, metadata }: RecordServiceHours,
  state: HoursLedgerState,
  policy: LedgerPolicy,
): (ServiceHoursRecorded | VolunteerStarLevelReached)[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const recordId = requireNonEmpty(data.recordId, 'data.recordId');
  if (typeof data.source !== 'object' || data.source === null) throw new ValidationError('data.source', 'data.source is required');
  const kind = requireOneOf(data.source.kind, RECORD_SOURCE_KINDS, 'data.source.kind');
  let sourceId: string | null = null;
  if (kind !== 'other') sourceId = requireNonEmpty(data.source.id, 'data.source.id');
  else if (data.source.id !== null) throw new ValidationError('data.source.id', 'data.source.id must be null for other service');
  const personInChargeId = requireNonEmpty(data.personInChargeId, 'data.personInChargeId');
  const personInChargeName = requireEncrypted(data.personInChargeName, 'data.personInChargeName', personInChargeId);
  const today = shanghaiDateOf(metadata.now);
  const servedOn = requireCalendarDate(data.servedOn, 'data.servedOn');
  if (servedOn > today) throw new ValidationError('data.servedOn', `data.servedOn must not be after today (${today})`);
  const facts: RecordFacts = {
    volunteerId,
    communityId: requireNonEmpty(data.communityId, 'data.communityId'),
    recordId,
    source: { kind, id: sourceId },
    activity: requireNonEmpty(data.activity, 'data.activity').trim(),
    servedOn,
    place: requireNonEmpty(data.place, 'data.place').trim(),
    content: requireNonEmpty(data.content, 'data.content').trim(),
    organisingUnit: requireNonEmpty(data.organisingUnit, 'data.organisingUnit').trim(),
    personInChargeId,
    servedMinutes: requireIntegerInRange(data.servedMinutes, 'data.servedMinutes', 1, DAY_MINUTES),
  };
  const records = state.status === 'open' ? state.records : {};
  const recorded = records[recordId];
  if (recorded !== undefined) {
    if (sameFacts(recorded, facts)) return [];
    throw new AlreadyExistsError('service record', recordId, `entered for ${recorded.activity} on ${recorded.servedOn}`);
  }
  const key = sourceKey(facts.source);
  const twin = key === null ? undefined : Object.values(records).find((r) => sourceKey(r.source) === key);
  if (twin !== undefined) {
    throw new AlreadyExistsError('service record', twin.recordId, `the hours of ${key} are already in the ledger`);
  }
  const before = state.status === 'open' ? state.cumulativeMinutes : 0;
  const cumulativeMinutes = before + facts.servedMinutes;
  const workingDaysToRecord = workingDaysAfter(policy, servedOn, today);
  const events: (ServiceHoursRecorded | VolunteerStarLevelReached)[] = [
    {
      type: 'ServiceHoursRecorded',
      data: {
        ...facts,
        personInChargeName,
        workingDaysToRecord,
        late: workingDaysToRecord > policy.lateAfterWorkingDays,
        cumulativeMinutes,
        recordedBy: metadata.actor,
        recordedAt: metadata.now,
      },
    },
  ];
  const previousStarLevel = state.status === 'open' ? state.starLevel : 0;
  const starLevel = starLevelOf(policy, cumulativeMinutes);
  if (starLevel > previousStarLevel) {
    events.push({
      type: 'VolunteerStarLevelReached',
      data: { volunteerId, communityId: facts.communityId, starLevel, previousStarLevel, cumulativeMinutes, reachedAt: metadata.now },
    });
  }
  return events;
}

/** Quiet when this certificate was issued from the same entropy; AlreadyExistsError for a reused id. */
function issueCertificate({ data, metadata }: IssueServiceCertificate, state: HoursLedgerState): ServiceCertificateIssued[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const communityId = requireNonEmpty(data.communityId, 'data.communityId');
  const certificateId = requireNonEmpty(data.certificateId, 'data.certificateId');
  const verificationCode = verificationCodeOf(requireEntropy(data.entropy, 'data.entropy'));
  if (state.status === 'empty') throw new NotFoundError('hours ledger', volunteerId);
  const issued = state.certificates[certificateId];
  if (issued !== undefined) {
    if (issued.verificationCode === verificationCode && issued.communityId === communityId) return [];
    throw new AlreadyExistsError('service certificate', certificateId);
  }
  if (Object.values(state.certificates).some((c) => c.verificationCode === verificationCode)) {
    throw new ValidationError('data.entropy', 'data.entropy was used for another certificate; draw fresh random bytes');
  }
  return [
    {
      type: 'ServiceCertificateIssued',
      data: {
        volunteerId,
        communityId,
        certificateId,
        verificationCode,
        cumulativeMinutes: state.cumulativeMinutes,
        recordCount: Object.keys(state.records).length,
        starLevel: state.starLevel,
        issuedBy: metadata.actor,
        issuedAt: metadata.now,
      },
    },
  ];
}

/** Lifecycle: an issued certificate can be revoked once; revoking again is InvalidStateError. */
function revokeCertificate({ data, metadata }: RevokeServiceCertificate, state: HoursLedgerState): ServiceCertificateRevoked[] {
  const volunteerId = requireNonEmpty(data.volunteerId, 'data.volunteerId');
  const certificateId = requireNonEmpty(data.certificateId, 'data.certificateId');
  const reason = requireNonEmpty(data.reason, 'data.reason').trim();
  const certificate = state.status === 'open' ? state.certificates[certificateId] : undefined;
  if (certificate === undefined) throw new NotFoundError('service certificate', certificateId);
  if (certificate.revoked) throw new InvalidStateError(`service certificate ${certificateId} is revoked already`);
  return [
    {
      type: 'ServiceCertificateRevoked',
      data: {
        volunteerId,
        communityId: certificate.communityId,
        certificateId,
        verificationCode: certificate.verificationCode,
        reason,
        revokedAt: metadata.now,
      },
    },
  ];
}

export function createHoursLedgerDecider(
  policy: LedgerPolicy = defaultLedgerPolicy,
): Decider<HoursLedgerCommand, HoursLedgerEvent, HoursLedgerState> {
  const decide = (command: HoursLedgerCommand, state: HoursLedgerState): HoursLedgerEvent[] => {
    const metadata = requireMetadata(command.metadata);
    switch (command.type) {
      case 'RecordServiceHours':
        return recordHours({ ...command, metadata }, state, policy);
      case 'IssueServiceCertificate':
        return issueCertificate({ ...command, metadata }, state);
      case 'RevokeServiceCertificate':
        return revokeCertificate({ ...command, metadata }, state);
      default: {
        const _exhaustive: never = command;
        throw new ValidationError('type', `unknown hours ledger command ${(command as { type: string }).type}`);
      }
    }
  };
  return { decide, evolve, initialState };
}

export const hoursLedgerDecider = createHoursLedgerDecider();
export const decide = hoursLedgerDecider.decide;
