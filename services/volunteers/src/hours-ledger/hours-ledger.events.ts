import type { DomainEvent, EncryptedField } from '@cogov/eventsourcing';

/**
 * Stream `hours-ledger-<volunteerId>`: one volunteer's service-hours ledger (志愿服务记录), its star level
 * and the certificates of service issued from it. Every record is verified service, entered by its
 * organiser; `communityId` is the community where the service was given (or the certificate issued).
 */

export const RECORD_SOURCE_KINDS = ['opportunity', 'pairing_activity', 'party_activity', 'other'] as const;
export type RecordSourceKind = (typeof RECORD_SOURCE_KINDS)[number];
/** What the hours were served in; `id` is null exactly for `other`. */
export interface RecordSource {
  kind: RecordSourceKind;
  id: string | null;
}

export type ServiceHoursRecorded = DomainEvent<
  'ServiceHoursRecorded',
  {
    volunteerId: string;
    communityId: string;
    recordId: string;
    source: RecordSource;
    /** The civil-affairs record fields: activity, date, place, content, organising unit, person in charge. */
    activity: string;
    servedOn: string;
    place: string;
    content: string;
    organisingUnit: string;
    personInChargeId: string;
    /** Encrypted for subject = personInChargeId. */
    personInChargeName: EncryptedField;
    /** Minutes actually served. */
    servedMinutes: number;
    /** Working days after servedOn up to and including the day of entry (ledger-policy.ts). */
    workingDaysToRecord: number;
    /** Entered more than the policy's working days (default 10) after the service. */
    late: boolean;
    /** Verified minutes in the ledger after this record. */
    cumulativeMinutes: number;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type VolunteerStarLevelReached = DomainEvent<
  'VolunteerStarLevelReached',
  {
    volunteerId: string;
    communityId: string;
    starLevel: number;
    previousStarLevel: number;
    cumulativeMinutes: number;
    reachedAt: string;
  }
>;

export type ServiceCertificateIssued = DomainEvent<
  'ServiceCertificateIssued',
  {
    volunteerId: string;
    communityId: string;
    certificateId: string;
    /** Crockford base32 of 128 random bits (verification-code.ts), printed on the certificate. */
    verificationCode: string;
    cumulativeMinutes: number;
    recordCount: number;
    starLevel: number;
    issuedBy: string;
    issuedAt: string;
  }
>;

export type ServiceCertificateRevoked = DomainEvent<
  'ServiceCertificateRevoked',
  { volunteerId: string; communityId: string; certificateId: string; verificationCode: string; reason: string; revokedAt: string }
>;

export type HoursLedgerEvent =
  | ServiceHoursRecorded
  | VolunteerStarLevelReached
  | ServiceCertificateIssued
  | ServiceCertificateRevoked;

export const hoursLedgerStreamId = (volunteerId: string): string => `hours-ledger-${volunteerId}`;
