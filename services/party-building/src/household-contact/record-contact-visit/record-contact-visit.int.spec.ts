import { randomUUID } from 'node:crypto';
import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const VISIT = `mutation ($i: RecordContactVisitInput!) {
  recordContactVisit(input: $i) { householdId memberId visitCount lastVisitOn lastVisitPurpose }
}`;

describe('recordContactVisit', () => {
  let b: TestBed;
  let memberId: string;
  let householdId: string;
  beforeAll(async () => {
    b = await startTestBed('record_contact_visit');
    memberId = await b.registerMember();
    householdId = randomUUID();
    await b.assignContact(householdId, memberId);
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('records visits, keeps the latest by date, and is quiet on a repeated record', async () => {
    await b.ok(b.staff, VISIT, { i: { householdId, memberId, visitedOn: '2026-10-12', purpose: 'festival_greeting' } });
    const earlier = await b.ok<{ recordContactVisit: unknown }>(b.staff, VISIT, { i: { householdId, memberId, visitedOn: '2026-09-01', purpose: 'policy_outreach' } });
    expect(earlier.recordContactVisit).toEqual({ householdId, memberId, visitCount: 2, lastVisitOn: '2026-10-12', lastVisitPurpose: 'festival_greeting' });
    const repeated = await b.ok<{ recordContactVisit: unknown }>(b.staff, VISIT, { i: { householdId, memberId, visitedOn: '2026-09-01', purpose: 'policy_outreach' } });
    expect(repeated.recordContactVisit).toMatchObject({ visitCount: 2 });
  });

  it('refuses a visit by someone who is not the contact member, or in the future (CONFLICT)', async () => {
    const other = await b.registerMember();
    const notContact = await b.t.graphql(b.staff, VISIT, { i: { householdId, memberId: other, visitedOn: '2026-10-01', purpose: 'regular_contact' } });
    expect(errorOf(notContact)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const future = await b.t.graphql(b.staff, VISIT, { i: { householdId, memberId, visitedOn: '2099-01-01', purpose: 'regular_contact' } });
    expect(errorOf(future)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it.each([
    [{ householdId: 'x' }, 'input.householdId'],
    [{ memberId: 'x' }, 'input.memberId'],
    [{ visitedOn: '2026-02-30' }, 'input.visitedOn'],
    [{ purpose: 'chat' }, 'input.purpose'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    const res = await b.t.graphql(b.staff, VISIT, { i: { householdId, memberId, visitedOn: '2026-10-01', purpose: 'regular_contact', ...override } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for a household without contact and FORBIDDEN outside the jurisdiction', async () => {
    const input = { memberId, visitedOn: '2026-10-01', purpose: 'regular_contact' };
    expect(errorOf(await b.t.graphql(b.staff, VISIT, { i: { ...input, householdId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, VISIT, { i: { ...input, householdId } })).code).toBe('FORBIDDEN');
  });
});
