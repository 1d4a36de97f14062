import { calendarDate, closedObject, encrypted, eventSchema, id, nullableId, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleEncrypted, exampleIds as ids, minutes, starLevel, verificationCode } from './examples.js';

const context = 'volunteers';
const ref = { volunteerId: ids.volunteer, communityId: ids.community };

export const serviceHoursRecordedV1 = eventSchema({
  context,
  eventType: 'ServiceHoursRecorded',
  schemaVersion: 1,
  description:
    "Verified service entered in a volunteer's hours ledger with the civil-affairs record fields (activity, date, place, " +
    'content, organising unit, person in charge, minutes actually served). `late` flags an entry more than 10 working ' +
    "days (Mon–Fri, Asia/Shanghai, minus configured holidays) after the service. The person in charge's name is " +
    'encrypted under their own key.',
  properties: {
    volunteerId: id,
    communityId: id,
    recordId: id,
    source: closedObject({ kind: oneOf('opportunity', 'pairing_activity', 'party_activity', 'other'), id: nullableId }),
    activity: text,
    servedOn: calendarDate,
    place: text,
    content: text,
    organisingUnit: text,
    personInChargeId: id,
    personInChargeName: encrypted,
    servedMinutes: { type: 'integer', minimum: 1, maximum: 1440 },
    workingDaysToRecord: { type: 'integer', minimum: 0 },
    late: { type: 'boolean' },
    cumulativeMinutes: minutes,
    recordedBy: id,
    recordedAt: utcDateTime,
  },
  examples: [
    {
      ...ref,
      recordId: ids.record,
      source: { kind: 'opportunity', id: ids.opportunity },
      activity: '为独居老人清理楼道杂物',
      servedOn: '2026-09-12',
      place: '和平里七区 12 号楼',
      content: '清理楼道堆放杂物，消除消防隐患',
      organisingUnit: '和平里社区居委会',
      personInChargeId: ids.personInCharge,
      personInChargeName: exampleEncrypted(ids.personInCharge),
      servedMinutes: 180,
      workingDaysToRecord: 1,
      late: false,
      cumulativeMinutes: 6180,
      recordedBy: ids.staff,
      recordedAt: '2026-09-14T02:00:00.000Z',
    },
  ],
});

export const volunteerStarLevelReachedV1 = eventSchema({
  context,
  eventType: 'VolunteerStarLevelReached',
  schemaVersion: 1,
  description:
    'A volunteer reached a star level (星级志愿者) by cumulative verified hours (default thresholds 100/300/600/1000/1500 hours).',
  properties: {
    volunteerId: id,
    communityId: id,
    starLevel: { type: 'integer', minimum: 1 },
    previousStarLevel: starLevel,
    cumulativeMinutes: minutes,
    reachedAt: utcDateTime,
  },
  examples: [{ ...ref, starLevel: 1, previousStarLevel: 0, cumulativeMinutes: 6030, reachedAt: '2026-09-14T02:00:00.000Z' }],
});

export const serviceCertificateIssuedV1 = eventSchema({
  context,
  eventType: 'ServiceCertificateIssued',
  schemaVersion: 1,
  description:
    'A certificate of service (志愿服务证明) was issued from the ledger, stating the cumulative verified minutes and star ' +
    'level; anyone can check it by its unguessable verification code.',
  properties: {
    volunteerId: id,
    communityId: id,
    certificateId: id,
    verificationCode,
    cumulativeMinutes: minutes,
    recordCount: { type: 'integer', minimum: 1 },
    starLevel,
    issuedBy: id,
    issuedAt: utcDateTime,
  },
  examples: [
    {
      ...ref,
      certificateId: ids.certificate,
      verificationCode: '0024H-36H2N-CSVRH-6DAQF-6DVVQZ',
      cumulativeMinutes: 6180,
      recordCount: 31,
      starLevel: 1,
      issuedBy: ids.staff,
      issuedAt: '2026-09-20T02:00:00.000Z',
    },
  ],
});

export const serviceCertificateRevokedV1 = eventSchema({
  context,
  eventType: 'ServiceCertificateRevoked',
  schemaVersion: 1,
  description: 'A certificate of service was revoked; checking its code now shows it revoked.',
  properties: { volunteerId: id, communityId: id, certificateId: id, verificationCode, reason: text, revokedAt: utcDateTime },
  examples: [
    {
      ...ref,
      certificateId: ids.certificate,
      verificationCode: '0024H-36H2N-CSVRH-6DAQF-6DVVQZ',
      reason: '所载时长有误，已重新开具',
      revokedAt: '2026-09-21T02:00:00.000Z',
    },
  ],
});
