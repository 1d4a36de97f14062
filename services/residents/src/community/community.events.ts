import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';

/** Stream `community-<communityId>`. Event types and fields follow the residents event catalogue (v1). */

export type CommunityRegistered = DomainEvent<
  'CommunityRegistered',
  { communityId: string; name: string; streetId: string; streetName: string }
>;

export type GridDelineated = DomainEvent<'GridDelineated', { communityId: string; gridId: string; name: string }>;

/** `workerName` is personal data encrypted for the worker (subject = workerId). */
export type GridWorkerAssigned = DomainEvent<
  'GridWorkerAssigned',
  { communityId: string; gridId: string; workerId: string; workerName: EncryptedField }
>;

export type CommunityEvent = CommunityRegistered | GridDelineated | GridWorkerAssigned;

export const communityStreamId = (communityId: string): string => `community-${communityId}`;
