import { randomUUID } from 'node:crypto';
import { errorOf, startTestBed, today, type TestBed } from '../../../test/organisations-fixtures.js';

const RECORD = `mutation ($i: RecordPairingActivityInput!) { recordPairingActivity(input: $i) { id activitiesCount staffParticipants residentParticipants } }`;

describe('recordPairingActivity', () => {
  let b: TestBed;
  let pairingId: string;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    b = await startTestBed('record_pairing_activity');
    pairingId = await b.establishPairing();
    input = { pairingId, title: '四点半课堂', heldOn: today(), place: '党群服务中心', staffCount: 3, residentCount: 25, volunteerIds: [randomUUID()], volunteerMinutes: 90 };
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('records activities and sums their participants; the community pairings read model agrees', async () => {
    await b.ok(b.staff, RECORD, { i: input });
    const data = await b.ok<{ recordPairingActivity: unknown }>(b.staff, RECORD, { i: { ...input, title: '义诊', staffCount: 4, residentCount: 40, volunteerIds: [], volunteerMinutes: null } });
    expect(data.recordPairingActivity).toEqual({ id: pairingId, activitiesCount: 2, staffParticipants: 7, residentParticipants: 65 });
    const listed = await b.ok<{ pairingsOfCommunity: unknown[] }>(
      b.staff,
      `query ($c: ID!) { pairingsOfCommunity(communityId: $c) { id activitiesCount staffParticipants residentParticipants } }`,
      { c: b.communityId },
    );
    expect(listed.pairingsOfCommunity).toEqual([{ id: pairingId, activitiesCount: 2, staffParticipants: 7, residentParticipants: 65 }]);
  });

  it('rejects a malformed date on input.heldOn and no participants on input.staffCount', async () => {
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: { ...input, heldOn: '2026-02-30' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: { ...input, staffCount: 0, residentCount: 0 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.staffCount' });
  });

  it('requires volunteerMinutes (1 to 1,440) exactly when volunteers are listed, naming input.volunteerMinutes', async () => {
    for (const volunteerMinutes of [null, 0, 1441]) {
      expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: { ...input, volunteerMinutes } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.volunteerMinutes' });
    }
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: { ...input, volunteerIds: [], volunteerMinutes: 60 } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.volunteerMinutes',
    });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, RECORD, { i: input })).code).toBe('FORBIDDEN');
  });
});
