import { cloudEventType, type CogovCloudEvent } from '@cogov/messaging';

/**
 * The governance view's read model is a table of facts: one row per thing that happened that a figure counts
 * (docs/governance.md). A fact is derived from one public event, keyed by that event (and an ordinal), and
 * only ever inserted — so the table is the same whatever order the events of the five topics arrive in, and a
 * rebuild from the stored events gives exactly the live table. Figures "as of" a date filter facts by `at`.
 *
 * No personal data: facts keep ids, counts, codes and the names of communities, organisations and compounds
 * (never a person's name; encrypted fields are not even read).
 */
export interface Fact {
  kind: FactKind;
  communityId: string;
  /** The thing the fact is about: an appeal, volunteer, pairing, compound … */
  subjectId: string;
  /** When it happened (UTC). Business dates (an activity's day) are that day's start in Asia/Shanghai. */
  at: string;
  /** A deadline the fact sets (appeals). */
  dueAt?: string | null;
  /** Minutes, fen, people: the one quantity the fact carries. */
  amount?: number | null;
  attrs?: Record<string, string | number | boolean | null>;
}

export const FACT_KINDS = [
  'community.registered',
  'household.registered',
  'resident.moved_in',
  'resident.moved_out',
  'appeal.filed',
  'appeal.accepted',
  'appeal.dispatched',
  'appeal.escalated',
  'appeal.resolved',
  'appeal.reopened',
  'appeal.visited',
  'volunteer.registered',
  'hours.recorded',
  'party_member.registered',
  'party_member.ended',
  'household.assigned',
  'household.released',
  'household.visited',
  'cadre.appointed',
  'cadre.released',
  'party.activity',
  'organisation.registered',
  'pairing.established',
  'pairing.pledge_amended',
  'pairing.theme_set',
  'pairing.activity',
  'pairing.disbursed',
  'pairing.ended',
  'compound.registered',
  'committee.elected',
  'committee.filed',
  'assessment.concluded',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A business date (`YYYY-MM-DD`) as the start of that day in Asia/Shanghai, in UTC. */
export function shanghaiDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

type Data = Record<string, unknown>;
const str = (d: Data, key: string): string => String(d[key]);
const num = (d: Data, key: string): number => Number(d[key]);
const utc = (d: Data, key: string): string => new Date(str(d, key)).toISOString();

type Derive = (d: Data, event: CogovCloudEvent) => Omit<Fact, 'communityId'> | null;

/** Per public event type (`context/Type`, schema v1): the fact it gives. */
const DERIVATIONS: Record<string, Derive> = {
  'residents/CommunityRegistered': (d) => ({
    kind: 'community.registered',
    subjectId: str(d, 'communityId'),
    at: '1970-01-01T00:00:00.000Z', // a community's name and street hold for every "as of"
    attrs: { name: str(d, 'name'), streetId: str(d, 'streetId'), streetName: str(d, 'streetName') },
  }),
  'residents/HouseholdRegistered': (d, e) => ({ kind: 'household.registered', subjectId: str(d, 'householdId'), at: e.time }),
  'residents/ResidentMovedIn': (d) => ({ kind: 'resident.moved_in', subjectId: str(d, 'residentId'), at: shanghaiDayStart(str(d, 'movedInOn')) }),
  'residents/ResidentMovedOut': (d) => ({ kind: 'resident.moved_out', subjectId: str(d, 'residentId'), at: shanghaiDayStart(str(d, 'movedOutOn')) }),
  'residents/AppealFiled': (d) => ({
    kind: 'appeal.filed',
    subjectId: str(d, 'appealId'),
    at: utc(d, 'filedAt'),
    attrs: { category: str(d, 'category'), channel: str(d, 'channel') },
  }),
  'residents/AppealAccepted': (d) => ({ kind: 'appeal.accepted', subjectId: str(d, 'appealId'), at: utc(d, 'acceptedAt') }),
  'residents/AppealDispatched': (d) => {
    const stakeholder = d.stakeholder as { kind: string; id: string };
    return {
      kind: 'appeal.dispatched',
      subjectId: str(d, 'appealId'),
      at: utc(d, 'dispatchedAt'),
      dueAt: utc(d, 'deadline'),
      attrs: { stakeholderKind: stakeholder.kind, stakeholderId: stakeholder.id, tier: str(d, 'tier') },
    };
  },
  'residents/AppealEscalated': (d) => ({ kind: 'appeal.escalated', subjectId: str(d, 'appealId'), at: utc(d, 'escalatedAt'), dueAt: utc(d, 'deadline') }),
  'residents/AppealResolved': (d) => ({ kind: 'appeal.resolved', subjectId: str(d, 'appealId'), at: utc(d, 'resolvedAt') }),
  'residents/AppealReopened': (d) => ({ kind: 'appeal.reopened', subjectId: str(d, 'appealId'), at: utc(d, 'reopenedAt') }),
  'residents/AppealReturnVisited': (d) => ({
    kind: 'appeal.visited',
    subjectId: str(d, 'appealId'),
    at: utc(d, 'visitedAt'),
    attrs: { rating: str(d, 'rating') },
  }),
  'volunteers/VolunteerRegistered': (d) => ({
    kind: 'volunteer.registered',
    subjectId: str(d, 'volunteerId'),
    at: utc(d, 'registeredAt'),
    attrs: { linkedKind: (d.linkedTo as { kind: string }).kind },
  }),
  'volunteers/ServiceHoursRecorded': (d) => ({
    kind: 'hours.recorded',
    subjectId: str(d, 'volunteerId'),
    at: shanghaiDayStart(str(d, 'servedOn')),
    amount: num(d, 'servedMinutes'),
    attrs: { recordId: str(d, 'recordId'), late: d.late === true },
  }),
  'party-building/PartyMemberRegisteredAtCommunity': (d) => ({ kind: 'party_member.registered', subjectId: str(d, 'memberId'), at: utc(d, 'registeredAt') }),
  'party-building/PartyMemberCommunityRegistrationEnded': (d) => ({ kind: 'party_member.ended', subjectId: str(d, 'memberId'), at: utc(d, 'endedAt') }),
  'party-building/HouseholdContactAssigned': (d) => ({
    kind: 'household.assigned',
    subjectId: str(d, 'householdId'),
    at: utc(d, 'assignedAt'),
    attrs: { memberId: str(d, 'memberId') },
  }),
  'party-building/HouseholdContactReleased': (d) => ({
    kind: 'household.released',
    subjectId: str(d, 'householdId'),
    at: utc(d, 'releasedAt'),
    attrs: { memberId: str(d, 'memberId') },
  }),
  'party-building/HouseholdContactVisitRecorded': (d) => ({
    kind: 'household.visited',
    subjectId: str(d, 'householdId'),
    at: shanghaiDayStart(str(d, 'visitedOn')),
    attrs: { memberId: str(d, 'memberId') },
  }),
  'party-building/PartTimeCadreAppointed': (d) => ({
    kind: 'cadre.appointed',
    subjectId: str(d, 'cadreId'),
    at: utc(d, 'appointedAt'),
    attrs: { pairedUnitId: str(d, 'pairedUnitId'), partyOrganisationId: str(d, 'organisationId') },
  }),
  'party-building/PartTimeCadreReleased': (d) => ({ kind: 'cadre.released', subjectId: str(d, 'cadreId'), at: utc(d, 'releasedAt') }),
  'party-building/PartyActivityHeld': (d) => ({
    kind: 'party.activity',
    subjectId: str(d, 'activityId'),
    at: shanghaiDayStart(str(d, 'heldOn')),
    amount: num(d, 'participantCount'),
    attrs: { title: str(d, 'title'), activityKind: str(d, 'kind') },
  }),
  'organisations/OrganisationRegistered': (d) => ({
    kind: 'organisation.registered',
    subjectId: str(d, 'organisationId'),
    at: utc(d, 'registeredAt'),
    attrs: { name: str(d, 'name'), type: str(d, 'type') },
  }),
  'organisations/CoBuildingPairingEstablished': (d) => ({
    kind: 'pairing.established',
    subjectId: str(d, 'pairingId'),
    at: utc(d, 'establishedAt'),
    amount: num(d, 'pledgedFen'),
    attrs: { organisationId: str(d, 'organisationId') },
  }),
  'organisations/PairingPledgeAmended': (d) => ({
    kind: 'pairing.pledge_amended',
    subjectId: str(d, 'pairingId'),
    at: utc(d, 'amendedAt'),
    amount: num(d, 'pledgedFen'),
    attrs: { organisationId: str(d, 'organisationId') },
  }),
  'organisations/PairingMonthlyThemeSet': (d) => ({
    kind: 'pairing.theme_set',
    subjectId: str(d, 'pairingId'),
    at: utc(d, 'setAt'),
    attrs: { organisationId: str(d, 'organisationId'), month: str(d, 'month'), theme: str(d, 'theme') },
  }),
  'organisations/PairingActivityHeld': (d) => ({
    kind: 'pairing.activity',
    subjectId: str(d, 'pairingId'),
    at: shanghaiDayStart(str(d, 'heldOn')),
    amount: num(d, 'staffCount') + num(d, 'residentCount'),
    attrs: {
      organisationId: str(d, 'organisationId'),
      activityId: str(d, 'activityId'),
      title: str(d, 'title'),
      month: str(d, 'month'),
      theme: d.theme == null ? null : str(d, 'theme'),
      staffCount: num(d, 'staffCount'),
      residentCount: num(d, 'residentCount'),
      volunteerMinutes: d.volunteerMinutes == null ? null : num(d, 'volunteerMinutes'),
    },
  }),
  'organisations/PairingSupportFundDisbursed': (d) => ({
    kind: 'pairing.disbursed',
    subjectId: str(d, 'pairingId'),
    at: utc(d, 'disbursedAt'),
    amount: num(d, 'amountFen'),
    attrs: { organisationId: str(d, 'organisationId'), purpose: str(d, 'purpose') },
  }),
  'organisations/PairingEnded': (d) => ({
    kind: 'pairing.ended',
    subjectId: str(d, 'pairingId'),
    at: utc(d, 'endedAt'),
    attrs: { organisationId: str(d, 'organisationId') },
  }),
  'property/CompoundRegistered': (d) => ({
    kind: 'compound.registered',
    subjectId: str(d, 'compoundId'),
    at: utc(d, 'registeredAt'),
    amount: num(d, 'unitCount'),
    attrs: { name: str(d, 'name') },
  }),
  'property/OwnersCommitteeElected': (d) => ({
    kind: 'committee.elected',
    subjectId: str(d, 'compoundId'),
    at: utc(d, 'electedAt'),
    attrs: { committeeId: str(d, 'committeeId') },
  }),
  'property/OwnersCommitteeFiled': (d) => ({
    kind: 'committee.filed',
    subjectId: str(d, 'compoundId'),
    at: utc(d, 'filedAt'),
    attrs: { committeeId: str(d, 'committeeId'), filingNumber: str(d, 'filingNumber') },
  }),
  'property/PropertyServiceAssessmentConcluded': (d) => ({
    kind: 'assessment.concluded',
    subjectId: str(d, 'compoundId'),
    at: utc(d, 'concludedAt'),
    amount: num(d, 'weightedScoreHundredths'),
    attrs: { quarter: str(d, 'quarter'), rating: str(d, 'rating'), companyId: str(d, 'companyId') },
  }),
};

/** The CloudEvent type of each derivation's event (schema v1) → its derivation. */
const BY_CLOUD_EVENT_TYPE = new Map<string, Derive>(
  Object.entries(DERIVATIONS).map(([key, derive]) => {
    const [context, type] = key.split('/') as [string, string];
    return [cloudEventType(context, type, 1), derive];
  }),
);

/** The contexts whose topics the governance view reads. */
export const SOURCE_CONTEXTS = ['residents', 'organisations', 'volunteers', 'property', 'party-building'] as const;

/** The CloudEvent types that give facts (the intake stores every type, for the case timeline). */
export const INTAKE_EVENT_TYPES: readonly string[] = [...BY_CLOUD_EVENT_TYPE.keys()];

/** The facts of one event: none for a type the view does not count. */
export function factsOf(event: CogovCloudEvent): Fact[] {
  const derive = BY_CLOUD_EVENT_TYPE.get(event.type);
  if (!derive) return [];
  const data = event.data as Data;
  const fact = derive(data, event);
  if (!fact) return [];
  const communityId = typeof data.communityId === 'string' ? data.communityId : event.communityid;
  return [{ ...fact, communityId }];
}
