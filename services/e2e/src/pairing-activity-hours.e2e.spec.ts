import { randomBytes, randomUUID } from 'node:crypto';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '@cogov/domain';
import { eventsTopic } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { startSuite, type Suite } from './suite.js';
import { ok, redeliver, storedEvents, waitUntilConsumed } from './workflow-test-kit.js';

interface LedgerRecord {
  id: string;
  communityId: string;
  sourceKind: string;
  sourceId: string | null;
  activity: string;
  servedOn: string;
  place: string;
  organisingUnit: string;
  servedMinutes: number;
}

/** Asia/Shanghai's date today: a fresh pairing's first possible activity day. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function newCreditCode(): string {
  const body = `91110000${[...randomBytes(9)].map((b) => CREDIT_CODE_CHARSET[b % CREDIT_CODE_CHARSET.length]).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

/**
 * Workflow 4 across the real broker: organisations ─PairingActivityHeld→ volunteers enters the hours of every
 * listed volunteer registered there in their hours ledger.
 */
describe('workflow 4: a co-building activity records the hours of its volunteers', () => {
  let suite: Suite;
  let staff: string;
  let pairingId: string;
  const communityId = randomUUID();
  const organisationName = '和平里第一小学';
  const volunteerIds: string[] = [];
  const organisations = () => suite.service('organisations');
  const volunteers = () => suite.service('volunteers');
  const group = () => `${suite.prefix}.cogov.volunteers.pairing-activity-hours`;

  const ledgerOf = async (volunteerId: string): Promise<LedgerRecord[]> =>
    (
      await ok<{ hoursLedger: { records: LedgerRecord[] } }>(
        volunteers(),
        staff,
        `query ($v: ID!) { hoursLedger(volunteerId: $v) { records { id communityId sourceKind sourceId activity servedOn place organisingUnit servedMinutes } } }`,
        { v: volunteerId },
      )
    ).hoursLedger.records;

  /** Records an activity and answers its id (from the organisations event store). */
  async function holdActivity(title: string, serving: string[], volunteerMinutes: number): Promise<string> {
    await ok(organisations(), staff, `mutation ($i: RecordPairingActivityInput!) { recordPairingActivity(input: $i) { id } }`, {
      i: { pairingId, title, heldOn: today(), place: '和平里社区党群服务中心', staffCount: 5, residentCount: 30, volunteerIds: serving, volunteerMinutes },
    });
    const [held] = (await storedEvents(organisations().db.pool, 'PairingActivityHeld')).filter((e) => e.data.title === title);
    return held!.data.activityId as string;
  }

  const recordsOfActivity = async (volunteerId: string, activityId: string) => (await ledgerOf(volunteerId)).filter((r) => r.sourceId === activityId);
  const recordedEventsOf = async (activityId: string) =>
    (await storedEvents(volunteers().db.pool, 'ServiceHoursRecorded')).filter((e) => (e.data.source as { id: string }).id === activityId);

  beforeAll(async () => {
    suite = await startSuite('wf_pairing_activity_hours', ['organisations', 'volunteers']);
    staff = await suite.token({ roles: ['community_staff'], communityIds: [communityId] });
    for (const [i, name] of ['欧阳明月', '上官云'].entries()) {
      const { registerVolunteer } = await ok<{ registerVolunteer: { id: string } }>(
        volunteers(),
        staff,
        `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }`,
        {
          i: { communityId, linkedTo: { kind: 'resident', id: randomUUID() }, name, phone: `1391234567${i}`, idNumber: '11010519491231002X', skills: ['急救'] },
        },
      );
      volunteerIds.push(registerVolunteer.id);
    }
    const { registerOrganisation } = await ok<{ registerOrganisation: { id: string } }>(
      organisations(),
      staff,
      `mutation ($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { id } }`,
      { i: { communityId, name: organisationName, type: 'school', creditCode: newCreditCode(), address: '和平里七区 3 号' } },
    );
    const { establishPairing } = await ok<{ establishPairing: { id: string } }>(
      organisations(),
      staff,
      `mutation ($i: EstablishPairingInput!) { establishPairing(input: $i) { id } }`,
      { i: { organisationId: registerOrganisation.id, communityId, commitments: ['共办四点半课堂'], pledgedFen: 500_000 } },
    );
    pairingId = establishPairing.id;
    // The organisation's name travels on its own stream (another partition): wait until the workflow knows it.
    await eventually(async () => {
      const { rows } = await volunteers().db.pool.query('select 1 from wf_pairing_organisations where organisation_id = $1', [registerOrganisation.id]);
      return rows.length === 1;
    }, { what: 'the workflow to learn the organisation name', timeoutMs: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await suite?.close();
  }, 60_000);

  it("enters the activity's minutes in each listed volunteer's ledger, and skips an id that is no volunteer here", async () => {
    const stranger = randomUUID();
    const activityId = await holdActivity('四点半课堂', [...volunteerIds, stranger], 120);
    for (const volunteerId of volunteerIds) {
      const [record] = await eventually(async () => {
        const records = await recordsOfActivity(volunteerId, activityId);
        return records.length > 0 && records;
      }, { what: `the hours of volunteer ${volunteerId}`, timeoutMs: 30_000 });
      expect(record).toMatchObject({
        communityId,
        sourceKind: 'pairing_activity',
        activity: '四点半课堂',
        servedOn: today(),
        place: '和平里社区党群服务中心',
        organisingUnit: organisationName,
        servedMinutes: 120,
      });
    }
    const [recorded] = await recordedEventsOf(activityId);
    expect(recorded!.metadata.actor).toBe('system:workflow:pairing-activity-hours');
    const outcomes = await eventually(async () => {
      const { rows } = await volunteers().db.pool.query<{ volunteer_id: string; outcome: string; reason: string | null }>(
        'select volunteer_id, outcome, reason from wf_pairing_activity_hours where activity_id = $1 order by outcome, volunteer_id',
        [activityId],
      );
      return rows.length === 3 && rows;
    }, { what: 'the workflow state of the activity', timeoutMs: 30_000 });
    expect(outcomes.map((r) => [r.volunteer_id, r.outcome])).toEqual([...[...volunteerIds].sort().map((v) => [v, 'recorded']), [stranger, 'skipped']]);
    expect(outcomes.find((r) => r.volunteer_id === stranger)!.reason).toContain('not a registered volunteer');
  }, 60_000);

  it('enters nothing twice when the activity is delivered again', async () => {
    const [volunteerId] = volunteerIds;
    const activityId = await holdActivity('义诊', [volunteerId!], 90);
    await eventually(async () => (await recordsOfActivity(volunteerId!, activityId)).length === 1, { what: 'the first entry', timeoutMs: 30_000 });
    const held = (await storedEvents(organisations().db.pool, 'PairingActivityHeld')).filter((e) => e.data.activityId === activityId);
    expect(held).toHaveLength(1);
    // The organisations relay publishing the activity again (a crash before its checkpoint moved), twice.
    await redeliver('organisations', suite.prefix, [...held, ...held]);
    await waitUntilConsumed(group(), eventsTopic('organisations', suite.prefix));
    expect(await recordsOfActivity(volunteerId!, activityId)).toHaveLength(1);
    expect(await recordedEventsOf(activityId)).toHaveLength(1);
    const { rows } = await volunteers().db.pool.query<{ n: number }>('select count(*)::int as n from msg_inbox where consumer = $1 and event_id = $2', [
      group(),
      held[0]!.metadata.eventId,
    ]);
    expect(rows[0]!.n).toBe(1);
  }, 60_000);

  it('enters the hours exactly once when volunteers crashes right after the activity is recorded', async () => {
    const activityId = await holdActivity('重阳节敬老', volunteerIds, 150);
    // Killed while its workflow may be handling the activity: before, between or after the commands and the inbox commit.
    await volunteers().kill();
    await volunteers().start();
    await eventually(async () => (await recordedEventsOf(activityId)).length === volunteerIds.length, { what: 'the entries after the restart', timeoutMs: 30_000 });
    await waitUntilConsumed(group(), eventsTopic('organisations', suite.prefix));
    expect(await recordedEventsOf(activityId)).toHaveLength(volunteerIds.length);
    // The ledger is a read model: the restarted service's projection follows the store within its poll interval.
    for (const volunteerId of volunteerIds) {
      const records = await eventually(async () => {
        const found = await recordsOfActivity(volunteerId, activityId);
        return found.length > 0 && found;
      }, { what: `the ledger of volunteer ${volunteerId}`, timeoutMs: 15_000 });
      expect(records).toMatchObject([{ servedMinutes: 150 }]);
    }
  }, 60_000);
});
