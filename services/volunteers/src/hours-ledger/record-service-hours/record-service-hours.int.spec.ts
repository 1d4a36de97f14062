import { shanghaiDateOf } from '@cogov/domain';
import { errorOf, PERSON_IN_CHARGE, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

const RECORD = `mutation ($i: RecordServiceHoursInput!) { recordServiceHours(input: $i) {
  volunteerId totalVerifiedMinutes totalVerifiedHours starLevel lateRecords
  records { sourceKind sourceId servedMinutes late personInChargeName } } }`;

describe('recordServiceHours', () => {
  let b: VolunteersTestBed;
  const today = shanghaiDateOf(new Date().toISOString());
  const input = (volunteerId: string, overrides: Record<string, unknown> = {}) => ({
    volunteerId,
    communityId: b.communityId,
    source: { kind: 'other', id: null },
    activity: '敬老院探访',
    servedOn: today,
    place: '和平里敬老院',
    content: '陪老人聊天、读报',
    organisingUnit: '和平里社区居委会',
    personInChargeId: 'staff-9',
    personInChargeName: PERSON_IN_CHARGE,
    servedMinutes: 120,
    ...overrides,
  });
  beforeAll(async () => {
    b = await startVolunteersTestBed('record_service_hours');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('records verified hours from an opportunity and from other service; the ledger adds them up', async () => {
    const [o, v] = await Promise.all([b.publishOpportunity({}, 100), b.registerVolunteer()]);
    await b.signUp(o, v);
    await b.checkInMinutesAgo(o, v, 90);
    await b.checkOut(o, v);
    await b.verify(o, v, 60);
    await b.ok(b.staff, RECORD, { i: input(v, { source: { kind: 'opportunity', id: o }, servedMinutes: 60 }) });
    const data = await b.ok<{ recordServiceHours: Record<string, unknown> }>(b.staff, RECORD, { i: input(v) });
    expect(data.recordServiceHours).toEqual({
      volunteerId: v,
      totalVerifiedMinutes: 180,
      totalVerifiedHours: 3,
      starLevel: 0,
      lateRecords: 0,
      records: [
        { sourceKind: 'opportunity', sourceId: o, servedMinutes: 60, late: false, personInChargeName: PERSON_IN_CHARGE },
        { sourceKind: 'other', sourceId: null, servedMinutes: 120, late: false, personInChargeName: PERSON_IN_CHARGE },
      ],
    });
  });

  it('rejects minutes that differ from the verified ones, a bad date and too many minutes as BAD_USER_INPUT naming the field', async () => {
    const [o, v] = await Promise.all([b.publishOpportunity({}, 100), b.registerVolunteer()]);
    await b.signUp(o, v);
    await b.checkInMinutesAgo(o, v, 90);
    await b.checkOut(o, v);
    await b.verify(o, v, 60);
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(v, { source: { kind: 'opportunity', id: o }, servedMinutes: 61 }) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.servedMinutes' });
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(v, { servedOn: '2026-02-30' }) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.servedOn' });
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(v, { servedMinutes: 1441 }) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.servedMinutes' });
  });

  it('answers CONFLICT for hours not verified yet, NOT_FOUND for an unknown volunteer, FORBIDDEN outside the jurisdiction', async () => {
    const [o, v] = await Promise.all([b.publishOpportunity(), b.registerVolunteer()]);
    await b.signUp(o, v);
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(v, { source: { kind: 'opportunity', id: o } }) })).code).toBe('CONFLICT');
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: input(UNKNOWN_ID) })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, RECORD, { i: input(v) })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.outsider, `query ($v: ID!) { hoursLedger(volunteerId: $v) { starLevel } }`, { v })).code).toBe('FORBIDDEN');
  });

  it("adds the community's volunteers and verified hours to the federated Community entity", async () => {
    await b.t.catchUp();
    const res = await b.ok<{ _entities: { volunteersRegistered: number; verifiedServiceHours: number }[] }>(
      b.staff,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { volunteersRegistered verifiedServiceHours } } }`,
      { r: [{ __typename: 'Community', id: b.communityId }] },
    );
    expect(res._entities[0]!.volunteersRegistered).toBeGreaterThanOrEqual(3);
    expect(res._entities[0]!.verifiedServiceHours).toBe(3);
  });

  it('answers those counts only to a jurisdiction covering the community, even when the subgraph is asked directly', async () => {
    const res = await b.t.graphql<{ _entities: unknown[] }>(b.outsider, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { volunteersRegistered verifiedServiceHours } } }`, {
      r: [{ __typename: 'Community', id: b.communityId }],
    });
    // The fields are non-null: the first refusal nulls the entity, and that is the error reported.
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(res.data?._entities).toEqual([null]);
  });
});
