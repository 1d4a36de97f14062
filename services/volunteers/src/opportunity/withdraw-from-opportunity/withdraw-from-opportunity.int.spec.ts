import { CHECK_IN, errorOf, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

const WITHDRAW = `mutation ($o: ID!, $v: ID!, $r: String!) { withdrawFromOpportunity(input: { opportunityId: $o, volunteerId: $v, reason: $r }) { id signedUpCount signUps { volunteerId } } }`;

describe('withdrawFromOpportunity', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('withdraw_from_opportunity');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('frees the place of a volunteer who withdraws, so that another can take it in a full opportunity', async () => {
    const o = await b.publishOpportunity({ capacity: 1 });
    const [first, second] = await Promise.all([b.registerVolunteer(), b.registerVolunteer()]);
    await b.signUp(o, first);
    const data = await b.ok<{ withdrawFromOpportunity: unknown }>(b.staff, WITHDRAW, { o, v: first, r: '临时有事' });
    expect(data.withdrawFromOpportunity).toEqual({ id: o, signedUpCount: 0, signUps: [] });
    await b.signUp(o, second);
  });

  it('is quiet for a volunteer not signed up, and answers CONFLICT once checked in', async () => {
    const o = await b.publishOpportunity();
    const v = await b.registerVolunteer();
    const quiet = await b.ok<{ withdrawFromOpportunity: { signedUpCount: number } }>(b.staff, WITHDRAW, { o, v, r: '临时有事' });
    expect(quiet.withdrawFromOpportunity.signedUpCount).toBe(0);
    await b.signUp(o, v);
    await b.ok(b.staff, CHECK_IN, { o, v });
    expect(errorOf(await b.t.graphql(b.staff, WITHDRAW, { o, v, r: '临时有事' })).code).toBe('CONFLICT');
  });

  it('rejects an empty reason, and answers NOT_FOUND and FORBIDDEN', async () => {
    const o = await b.publishOpportunity();
    const v = await b.registerVolunteer();
    await b.signUp(o, v);
    expect(errorOf(await b.t.graphql(b.staff, WITHDRAW, { o, v, r: ' ' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(errorOf(await b.t.graphql(b.staff, WITHDRAW, { o: UNKNOWN_ID, v, r: '临时有事' })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, WITHDRAW, { o, v, r: '临时有事' })).code).toBe('FORBIDDEN');
  });
});
