import { CHECK_IN, CHECK_OUT, errorOf, startVolunteersTestBed, UNKNOWN_ID, VERIFY, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

interface Answer {
  signUps: { volunteerId: string; stage: string; minutesPresent: number | null; servedMinutes: number | null }[];
}

describe('checkInVolunteer, checkOutVolunteer and verifyServiceHours', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('check_in_volunteer');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('checks a signed-up volunteer in', async () => {
    const [o, v] = await Promise.all([b.publishOpportunity(), b.registerVolunteer()]);
    await b.signUp(o, v);
    const data = await b.ok<{ checkInVolunteer: Answer }>(b.staff, CHECK_IN, { o, v });
    expect(data.checkInVolunteer.signUps).toEqual([{ volunteerId: v, stage: 'checked_in', minutesPresent: null, servedMinutes: null }]);
  });

  it('checks out with the whole minutes present, then verifies at most those minutes', async () => {
    const [o, v] = await Promise.all([b.publishOpportunity({}, 100), b.registerVolunteer()]);
    await b.signUp(o, v);
    await b.checkInMinutesAgo(o, v, 90);
    const out = await b.ok<{ checkOutVolunteer: Answer }>(b.staff, CHECK_OUT, { o, v });
    expect(out.checkOutVolunteer.signUps[0]).toMatchObject({ stage: 'checked_out', minutesPresent: 90 });
    expect(errorOf(await b.t.graphql(b.staff, VERIFY, { o, v, m: 91 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'data.servedMinutes' });
    const verified = await b.ok<{ verifyServiceHours: Answer }>(b.staff, VERIFY, { o, v, m: 80 });
    expect(verified.verifyServiceHours.signUps[0]).toMatchObject({ stage: 'verified', servedMinutes: 80 });
    expect(errorOf(await b.t.graphql(b.staff, VERIFY, { o, v, m: 80 })).code).toBe('CONFLICT');
  });

  it('rejects malformed ids and minutes as BAD_USER_INPUT naming the field', async () => {
    expect(errorOf(await b.t.graphql(b.staff, CHECK_IN, { o: 'o-1', v: UNKNOWN_ID }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.opportunityId' });
    expect(errorOf(await b.t.graphql(b.staff, CHECK_OUT, { o: UNKNOWN_ID, v: 'v-1' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.volunteerId' });
    expect(errorOf(await b.t.graphql(b.staff, VERIFY, { o: UNKNOWN_ID, v: UNKNOWN_ID, m: 0 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.servedMinutes' });
  });

  it('answers CONFLICT out of order, NOT_FOUND for an unknown opportunity, FORBIDDEN outside the jurisdiction', async () => {
    const [o, v] = await Promise.all([b.publishOpportunity(), b.registerVolunteer()]);
    expect(errorOf(await b.t.graphql(b.staff, CHECK_IN, { o, v })).code).toBe('CONFLICT');
    await b.signUp(o, v);
    expect(errorOf(await b.t.graphql(b.staff, CHECK_OUT, { o, v })).code).toBe('CONFLICT');
    expect(errorOf(await b.t.graphql(b.staff, CHECK_IN, { o: UNKNOWN_ID, v })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, CHECK_IN, { o, v })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.outsider, VERIFY, { o, v, m: 10 })).code).toBe('FORBIDDEN');
  });
});
