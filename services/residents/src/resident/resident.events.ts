import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';

/**
 * Stream `resident-<residentId>`. Event types and fields follow the residents event catalogue (v1).
 * Every personal field is encrypted for subject = residentId, so erasing the resident's key erases them.
 */

export const VULNERABLE_GROUP_CODES = [
  'low_income',
  'special_care',
  'disabled',
  'elderly_living_alone',
  'left_behind_child',
  'three_nos',
  'unemployed_4050',
] as const;
/** The plaintext of a vulnerable-group tag. Personal data: it only ever leaves the process encrypted. */
export type VulnerableGroupCode = (typeof VULNERABLE_GROUP_CODES)[number];

export const MOVE_OUT_REASONS = ['relocated', 'deceased', 'other'] as const;
export type MoveOutReason = (typeof MOVE_OUT_REASONS)[number];

export type ResidentMovedIn = DomainEvent<
  'ResidentMovedIn',
  {
    residentId: string;
    householdId: string;
    communityId: string;
    gridId: string;
    name: EncryptedField;
    idNumber: EncryptedField;
    phone: EncryptedField;
    /** Asia/Shanghai calendar date. */
    movedInOn: string;
  }
>;

/** Also ends the resident's vulnerable-group entries in the community: ledgers drop them on this event. */
export type ResidentMovedOut = DomainEvent<
  'ResidentMovedOut',
  { residentId: string; householdId: string; communityId: string; movedOutOn: string; reason: MoveOutReason }
>;

export type VulnerableGroupTagged = DomainEvent<
  'VulnerableGroupTagged',
  { residentId: string; communityId: string; tag: EncryptedField }
>;

export type VulnerableGroupUntagged = DomainEvent<
  'VulnerableGroupUntagged',
  { residentId: string; communityId: string; tag: EncryptedField }
>;

/** Appended before the resident's key is deleted, so the stream always explains why its fields went dark. */
export type ResidentPersonalDataErased = DomainEvent<
  'ResidentPersonalDataErased',
  { residentId: string; communityId: string }
>;

/** The events as stored and published: exactly the catalogue, no plaintext personal data. */
export type ResidentEvent =
  | ResidentMovedIn
  | ResidentMovedOut
  | VulnerableGroupTagged
  | VulnerableGroupUntagged
  | ResidentPersonalDataErased;

/**
 * A tag event as the resident decider sees it in memory: the stored event plus `tagCode`, the tag's
 * plaintext. The stored event carries the tag only encrypted and evolve cannot decrypt, so the shell
 * reveals it: decide sets it from the command, and the loader sets it by decrypting `data.tag` with the
 * resident's key (`revealResidentEvent`). `tagCode` is never stored — append `toStoredResidentEvent(e)`.
 * `null` when the key is gone, i.e. the resident was erased.
 */
export type Revealed<E extends VulnerableGroupTagged | VulnerableGroupUntagged> = E & {
  tagCode: VulnerableGroupCode | null;
};

/** The event type of the resident decider (in memory only; see `Revealed`). */
export type RevealedResidentEvent =
  | ResidentMovedIn
  | ResidentMovedOut
  | Revealed<VulnerableGroupTagged>
  | Revealed<VulnerableGroupUntagged>
  | ResidentPersonalDataErased;

/** What to append: the catalogue shape, with the revealed tag code dropped. */
export function toStoredResidentEvent(event: RevealedResidentEvent): ResidentEvent {
  switch (event.type) {
    case 'VulnerableGroupTagged':
    case 'VulnerableGroupUntagged':
      return { type: event.type, data: event.data } as ResidentEvent;
    default:
      return event;
  }
}

/**
 * What to fold: a stored event with its tag revealed. `decryptedTag` is the plaintext the shell decrypted
 * from `data.tag` (or null / `[erased]` when the key is gone); it is ignored for other event types.
 */
export function revealResidentEvent(event: ResidentEvent, decryptedTag: string | null): RevealedResidentEvent {
  switch (event.type) {
    case 'VulnerableGroupTagged':
    case 'VulnerableGroupUntagged': {
      const known = (VULNERABLE_GROUP_CODES as readonly (string | null)[]).includes(decryptedTag);
      return { ...event, tagCode: known ? (decryptedTag as VulnerableGroupCode) : null };
    }
    default:
      return event;
  }
}

export const residentStreamId = (residentId: string): string => `resident-${residentId}`;
