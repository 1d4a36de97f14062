import { errorOf, SIGN_UP, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

const SUSPEND = `mutation ($v: ID!, $r: String!) { suspendVolunteer(input: { volunteerId: $v, reason: $r }) { id status suspendedAt } }`;
const REINSTATE = `mutation ($v: ID!) { reinstateVolunteer(input: { volunteerId: $v }) { id status suspendedAt } }`;

describe('suspendVolunteer and reinstateVolunteer', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('suspend_volunteer');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('suspends a volunteer, who then cannot sign up, and reinstates them, who then can', async () => {
    const [v, o] = await Promise.all([b.registerVolunteer(), b.publishOpportunity()]);
    const suspended = await b.ok<{ suspendVolunteer: { status: string; suspendedAt: string | null } }>(b.staff, SUSPEND, { v, r: '连续三次报名后无故缺席' });
    expect(suspended.suspendVolunteer).toMatchObject({ status: 'suspended' });
    expect(Date.parse(suspended.suspendVolunteer.suspendedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(errorOf(await b.t.graphql(b.staff, SIGN_UP, { o, v })).code).toBe('CONFLICT');
    const reinstated = await b.ok<{ reinstateVolunteer: unknown }>(b.staff, REINSTATE, { v });
    expect(reinstated.reinstateVolunteer).toEqual({ id: v, status: 'active', suspendedAt: null });
    await b.signUp(o, v);
  });

  it('answers CONFLICT when suspending twice and when reinstating an active volunteer', async () => {
    const v = await b.registerVolunteer();
    expect(errorOf(await b.t.graphql(b.staff, REINSTATE, { v })).code).toBe('CONFLICT');
    await b.ok(b.staff, SUSPEND, { v, r: '本人申请暂停' });
    expect(errorOf(await b.t.graphql(b.staff, SUSPEND, { v, r: '本人申请暂停' })).code).toBe('CONFLICT');
  });

  it('rejects an empty reason, and answers NOT_FOUND and FORBIDDEN', async () => {
    const v = await b.registerVolunteer();
    expect(errorOf(await b.t.graphql(b.staff, SUSPEND, { v, r: '' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(errorOf(await b.t.graphql(b.staff, SUSPEND, { v: UNKNOWN_ID, r: '核实中' })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, SUSPEND, { v, r: '核实中' })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.outsider, REINSTATE, { v })).code).toBe('FORBIDDEN');
  });
});
