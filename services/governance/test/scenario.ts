import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { cloudEventType, type CogovCloudEvent } from '@cogov/messaging';
import { FACT_LOG_DDL, recordEvent } from '../src/intake/fact-log.js';

/**
 * A small street told as the public events of the five contexts, for the governance view's tests: one community
 * (社区甲) on street `street-gov`, with appeals, volunteers, party members, two pairings, a cadre and two compounds,
 * from August to October 2026. The expected figures are worked out by hand in the specs.
 */
export const STREET = { id: 'street-gov', name: '试点街道' } as const;
export const COMMUNITY = '01938f6e-0000-7000-8000-0000000000c1';
export const OTHER_COMMUNITY = '01938f6e-0000-7000-8000-0000000000c2';
export const ids = {
  appeal1: '01938f6e-0000-7000-8000-0000000000a1',
  appeal2: '01938f6e-0000-7000-8000-0000000000a2',
  appeal3: '01938f6e-0000-7000-8000-0000000000a3',
  hospital: '01938f6e-0000-7000-8000-0000000000d1',
  school: '01938f6e-0000-7000-8000-0000000000d2',
  pairing1: '01938f6e-0000-7000-8000-0000000000e1',
  pairing2: '01938f6e-0000-7000-8000-0000000000e2',
  compound1: '01938f6e-0000-7000-8000-0000000000f1',
  compound2: '01938f6e-0000-7000-8000-0000000000f2',
  cadre: '01938f6e-0000-7000-8000-0000000000b1',
} as const;

const versions = new Map<string, number>();
function event(context: string, type: string, time: string, data: Record<string, unknown>, correlationId = randomUUID()): CogovCloudEvent {
  const subject = String(data.workOrderId ?? data.appealId ?? data.pairingId ?? data.compoundId ?? data.volunteerId ?? data.memberId ?? data.householdId ?? data.communityId);
  const version = (versions.get(subject) ?? 0) + 1;
  versions.set(subject, version);
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `/cogov/${context}`,
    type: cloudEventType(context, type, 1),
    subject,
    time,
    datacontenttype: 'application/json',
    data,
    communityid: String(data.communityId),
    correlationid: correlationId,
    causationid: correlationId,
    streamversion: version,
    actor: 'u-staff',
  };
}

const pii = (subject: string) => ({ $pii: 'v1', subject, iv: 'q83vEjRWeJCrze8S', ct: 'mQ3x0bZf1k8=', tag: 'AAECAwQFBgcICQoLDA0ODw==' });

export function scenario(): CogovCloudEvent[] {
  versions.clear();
  const c = COMMUNITY;
  const appeal1 = randomUUID();
  const appeal2 = randomUUID();
  return [
    event('residents', 'CommunityRegistered', '2026-08-01T00:00:00Z', { communityId: c, name: '社区甲', streetId: STREET.id, streetName: STREET.name }),
    event('residents', 'CommunityRegistered', '2026-08-01T00:00:00Z', { communityId: OTHER_COMMUNITY, name: '社区乙', streetId: 'street-other', streetName: '别的街道' }),
    ...['r1', 'r2', 'r3', 'r4'].map((r) =>
      event('residents', 'ResidentMovedIn', '2026-08-02T00:00:00Z', { residentId: r, householdId: 'h1', communityId: c, gridId: 'g1', name: pii(r), idNumber: pii(r), phone: pii(r), movedInOn: '2026-08-02' }),
    ),
    event('residents', 'ResidentMovedOut', '2026-09-10T00:00:00Z', { residentId: 'r4', householdId: 'h1', communityId: c, movedOutOn: '2026-09-10', reason: 'relocated' }),
    event('residents', 'HouseholdRegistered', '2026-08-02T00:00:00Z', { householdId: 'h1', communityId: c, gridId: 'g1', address: { compound: '甲小区', building: '1', unit: '1', room: '101' } }),
    event('residents', 'HouseholdRegistered', '2026-08-02T00:00:00Z', { householdId: 'h2', communityId: c, gridId: 'g1', address: { compound: '甲小区', building: '1', unit: '1', room: '102' } }),
    // Appeal 1: filed, accepted, dispatched, resolved and visited (satisfied) in September.
    event('residents', 'AppealFiled', '2026-09-02T01:00:00Z', { appealId: ids.appeal1, communityId: c, gridId: null, channel: 'hotline', category: 'property.repair', description: pii('a1'), location: '1号楼', householdId: null, residentId: null, filedAt: '2026-09-02T01:00:00Z' }, appeal1),
    event('residents', 'AppealAccepted', '2026-09-02T02:00:00Z', { appealId: ids.appeal1, communityId: c, acceptedAt: '2026-09-02T02:00:00Z' }, appeal1),
    event('residents', 'AppealDispatched', '2026-09-02T03:00:00Z', { appealId: ids.appeal1, communityId: c, stakeholder: { kind: 'property_company', id: 'co-1' }, tier: 'general', deadline: '2026-09-05T03:00:00Z', dispatchedAt: '2026-09-02T03:00:00Z' }, appeal1),
    event('property', 'WorkOrderOpened', '2026-09-02T03:00:01Z', { workOrderId: 'w1', communityId: c, appealId: ids.appeal1 }, appeal1),
    // Assigned and completed by property staff, in a request of their own (another correlation id).
    event('property', 'WorkOrderAssigned', '2026-09-03T01:00:00Z', { workOrderId: 'w1', communityId: c, assigneeId: 'worker-1' }),
    event('property', 'WorkOrderCompleted', '2026-09-04T02:00:00Z', { workOrderId: 'w1', communityId: c, completionNote: '已修复' }),
    event('residents', 'AppealResolved', '2026-09-04T03:00:00Z', { appealId: ids.appeal1, communityId: c, resolution: '已修复', resolvedAt: '2026-09-04T03:00:00Z' }, appeal1),
    event('residents', 'AppealReturnVisited', '2026-09-05T03:00:00Z', { appealId: ids.appeal1, communityId: c, rating: 'satisfied', comment: '', visitedAt: '2026-09-05T03:00:00Z' }, appeal1),
    // Appeal 2: dispatched in October with a deadline that passes unresolved. Appeal 3: filed, never answered.
    event('residents', 'AppealFiled', '2026-10-10T01:00:00Z', { appealId: ids.appeal2, communityId: c, gridId: null, channel: 'app', category: 'environment', description: pii('a2'), location: '2号楼', householdId: null, residentId: null, filedAt: '2026-10-10T01:00:00Z' }, appeal2),
    event('residents', 'AppealDispatched', '2026-10-10T02:00:00Z', { appealId: ids.appeal2, communityId: c, stakeholder: { kind: 'property_company', id: 'co-1' }, tier: 'general', deadline: '2026-10-12T02:00:00Z', dispatchedAt: '2026-10-10T02:00:00Z' }, appeal2),
    event('residents', 'AppealFiled', '2026-10-15T01:00:00Z', { appealId: ids.appeal3, communityId: c, gridId: null, channel: 'visit', category: 'environment', description: pii('a3'), location: '3号楼', householdId: null, residentId: null, filedAt: '2026-10-15T01:00:00Z' }),
    // Volunteers: two registered, one served 2 h in October (and 1 h in August).
    event('volunteers', 'VolunteerRegistered', '2026-08-03T00:00:00Z', { volunteerId: 'v1', communityId: c, linkedTo: { kind: 'resident', id: 'r1' }, name: pii('v1'), phone: pii('v1'), idNumber: pii('v1'), skills: [], registeredAt: '2026-08-03T00:00:00Z' }),
    event('volunteers', 'VolunteerRegistered', '2026-08-03T00:00:00Z', { volunteerId: 'v2', communityId: c, linkedTo: { kind: 'resident', id: 'r2' }, name: pii('v2'), phone: pii('v2'), idNumber: pii('v2'), skills: [], registeredAt: '2026-08-03T00:00:00Z' }),
    event('volunteers', 'ServiceHoursRecorded', '2026-08-06T00:00:00Z', { volunteerId: 'v1', communityId: c, recordId: 'rec-1', servedOn: '2026-08-05', servedMinutes: 60, late: false }),
    event('volunteers', 'ServiceHoursRecorded', '2026-10-06T00:00:00Z', { volunteerId: 'v1', communityId: c, recordId: 'rec-2', servedOn: '2026-10-05', servedMinutes: 120, late: false }),
    // Party building: one member registered, one of the two households assigned to them; a cadre from the school.
    event('party-building', 'PartyMemberRegisteredAtCommunity', '2026-08-04T00:00:00Z', { memberId: 'm1', communityId: c, name: pii('m1'), phone: pii('m1'), membershipOrganisation: '某支部', householdId: 'h1', registeredAt: '2026-08-04T00:00:00Z' }),
    event('party-building', 'HouseholdContactAssigned', '2026-08-05T00:00:00Z', { householdId: 'h2', communityId: c, memberId: 'm1', assignedAt: '2026-08-05T00:00:00Z' }),
    event('party-building', 'PartTimeCadreAppointed', '2026-08-05T00:00:00Z', { organisationId: 'po-1', communityId: c, cadreId: ids.cadre, name: pii('cadre'), pairedUnitId: ids.school, appointedAt: '2026-08-05T00:00:00Z' }),
    // Organisations: the hospital's pairing is active in October, the school's held nothing in October.
    event('organisations', 'OrganisationRegistered', '2026-08-01T00:00:00Z', { organisationId: ids.hospital, communityId: c, name: '区人民医院', type: 'hospital', creditCode: '12110000400000000X', incubationStage: null, address: '某路1号', registeredAt: '2026-08-01T00:00:00Z' }),
    event('organisations', 'OrganisationRegistered', '2026-08-01T00:00:00Z', { organisationId: ids.school, communityId: c, name: '实验小学', type: 'school', creditCode: '12110000400000001X', incubationStage: null, address: '某路2号', registeredAt: '2026-08-01T00:00:00Z' }),
    event('organisations', 'CoBuildingPairingEstablished', '2026-08-01T00:00:00Z', { pairingId: ids.pairing1, organisationId: ids.hospital, communityId: c, commitments: [], pledgedFen: 1_000_000, establishedOn: '2026-08-01', establishedAt: '2026-08-01T00:00:00Z' }),
    event('organisations', 'PairingPledgeAmended', '2026-09-01T00:00:00Z', { pairingId: ids.pairing1, organisationId: ids.hospital, communityId: c, previousPledgedFen: 1_000_000, pledgedFen: 1_500_000, reason: '追加', amendedAt: '2026-09-01T00:00:00Z' }),
    event('organisations', 'CoBuildingPairingEstablished', '2026-08-01T00:00:00Z', { pairingId: ids.pairing2, organisationId: ids.school, communityId: c, commitments: [], pledgedFen: 300_000, establishedOn: '2026-08-01', establishedAt: '2026-08-01T00:00:00Z' }),
    event('organisations', 'PairingMonthlyThemeSet', '2026-09-28T00:00:00Z', { pairingId: ids.pairing1, organisationId: ids.hospital, communityId: c, month: '2026-10', theme: '健康进社区', setAt: '2026-09-28T00:00:00Z' }),
    event('organisations', 'PairingActivityHeld', '2026-09-20T00:00:00Z', { pairingId: ids.pairing2, organisationId: ids.school, communityId: c, activityId: 'act-0', title: '开学安全课', heldOn: '2026-09-20', month: '2026-09', theme: null, place: '小学', staffCount: 5, residentCount: 20, volunteerIds: [], volunteerMinutes: 0, recordedAt: '2026-09-20T00:00:00Z' }),
    event('organisations', 'PairingActivityHeld', '2026-10-12T00:00:00Z', { pairingId: ids.pairing1, organisationId: ids.hospital, communityId: c, activityId: 'act-1', title: '义诊', heldOn: '2026-10-12', month: '2026-10', theme: '健康进社区', place: '社区广场', staffCount: 10, residentCount: 30, volunteerIds: [], volunteerMinutes: 0, recordedAt: '2026-10-12T00:00:00Z' }),
    event('organisations', 'PairingSupportFundDisbursed', '2026-10-13T00:00:00Z', { pairingId: ids.pairing1, organisationId: ids.hospital, communityId: c, disbursementId: 'd1', amountFen: 200_000, purpose: '义诊物资', disbursedTotalFen: 200_000, pledgedFen: 1_500_000, disbursedAt: '2026-10-13T00:00:00Z' }),
    // Property: two compounds; the first fails its Q3 assessment and files its owners' committee in October.
    event('property', 'CompoundRegistered', '2026-08-01T00:00:00Z', { compoundId: ids.compound1, communityId: c, name: '甲小区', enclosure: 'closed', unitCount: 100, floorAreaHundredthM2: 1_000_000, registeredAt: '2026-08-01T00:00:00Z' }),
    event('property', 'CompoundRegistered', '2026-08-01T00:00:00Z', { compoundId: ids.compound2, communityId: c, name: '乙小区', enclosure: 'open', unitCount: 50, floorAreaHundredthM2: 500_000, registeredAt: '2026-08-01T00:00:00Z' }),
    event('property', 'PropertyServiceAssessmentConcluded', '2026-10-08T00:00:00Z', { compoundId: ids.compound1, communityId: c, quarter: '2026-Q3', companyId: 'co-1', scores: [], weightedScoreHundredths: 5_500, vetoItems: [], rating: 'fail', explanation: [], concludedAt: '2026-10-08T00:00:00Z' }),
    event('property', 'PropertyServiceAssessmentConcluded', '2026-10-08T00:00:00Z', { compoundId: ids.compound2, communityId: c, quarter: '2026-Q3', companyId: 'co-1', scores: [], weightedScoreHundredths: 9_200, vetoItems: [], rating: 'excellent', explanation: [], concludedAt: '2026-10-08T00:00:00Z' }),
    event('property', 'OwnersCommitteeFiled', '2026-10-20T00:00:00Z', { committeeId: 'oc-1', compoundId: ids.compound1, communityId: c, filedWith: '街道办', filingNumber: 'BA-2026-001', filedAt: '2026-10-20T00:00:00Z' }),
  ];
}

/** Stores events as the intake does: each in its own transaction. */
export async function record(pool: pg.Pool, events: readonly CogovCloudEvent[]): Promise<void> {
  for (const ddl of FACT_LOG_DDL) await pool.query(ddl);
  for (const e of events) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await recordEvent(client, e);
      await client.query('commit');
    } finally {
      client.release();
    }
  }
}
