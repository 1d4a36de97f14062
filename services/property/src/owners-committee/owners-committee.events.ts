import type { DomainEvent } from '@cogov/eventsourcing';

/**
 * Stream `owners-committee-<committeeId>`: the formation of one owners' committee (业主委员会) of a
 * compound — preparatory group (筹备组), election (counted in an owners-assembly stream), filing (备案).
 */

interface Committee {
  committeeId: string;
  compoundId: string;
  communityId: string;
}

export type OwnersCommitteePreparatoryGroupFormed = DomainEvent<
  'OwnersCommitteePreparatoryGroupFormed',
  Committee & { memberIds: string[]; formedAt: string }
>;

export type OwnersCommitteeElected = DomainEvent<
  'OwnersCommitteeElected',
  Committee & { assemblyId: string; memberIds: string[]; electedAt: string }
>;

export type OwnersCommitteeFiled = DomainEvent<
  'OwnersCommitteeFiled',
  Committee & { filedWith: string; filingNumber: string; filedAt: string }
>;

export type OwnersCommitteeEvent = OwnersCommitteePreparatoryGroupFormed | OwnersCommitteeElected | OwnersCommitteeFiled;

export const ownersCommitteeStreamId = (committeeId: string): string => `owners-committee-${committeeId}`;
