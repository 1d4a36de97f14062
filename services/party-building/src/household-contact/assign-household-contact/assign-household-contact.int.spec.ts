import { randomUUID } from 'node:crypto';
import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const ASSIGN = `mutation ($i: AssignHouseholdContactInput!) {
  assignHouseholdContact(input: $i) { householdId communityId memberId memberName visitCount lastVisitOn }
}`;

describe('assignHouseholdContact', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('assign_household_contact');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('assigns a household to a registered member and hands it over to another', async () => {
    const [first, second] = [await b.registerMember({ name: '郑强' }), await b.registerMember({ name: '冯雪' })];
    const householdId = randomUUID();
    const assigned = await b.ok<{ assignHouseholdContact: unknown }>(b.staff, ASSIGN, { i: { householdId, communityId: b.communityId, memberId: first } });
    expect(assigned.assignHouseholdContact).toEqual({ householdId, communityId: b.communityId, memberId: first, memberName: '郑强', visitCount: 0, lastVisitOn: null });
    const handedOver = await b.ok<{ assignHouseholdContact: unknown }>(b.staff, ASSIGN, { i: { householdId, communityId: b.communityId, memberId: second } });
    expect(handedOver.assignHouseholdContact).toMatchObject({ memberId: second, memberName: '冯雪' });

    const list = await b.ok<{ householdContacts: { householdId: string; memberName: string }[] }>(
      b.analyst,
      `query ($c: ID!) { householdContacts(communityId: $c) { householdId memberId memberName } }`,
      { c: b.communityId },
    );
    const contact = list.householdContacts.find((c) => c.householdId === householdId)!;
    expect(contact).toMatchObject({ memberId: second });
    expect(contact.memberName).not.toBe('冯雪');
  });

  it('refuses a member not registered at the community: BAD_USER_INPUT on input.memberId, NOT_FOUND when unknown', async () => {
    const memberId = await b.registerMember();
    await b.ok(b.staff, `mutation ($m: ID!) { endPartyMemberCommunityRegistration(input: { memberId: $m, reason: "搬离" }) { id } }`, { m: memberId });
    const ended = await b.t.graphql(b.staff, ASSIGN, { i: { householdId: randomUUID(), communityId: b.communityId, memberId } });
    expect(errorOf(ended)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
    const unknown = await b.t.graphql(b.staff, ASSIGN, { i: { householdId: randomUUID(), communityId: b.communityId, memberId: UNKNOWN_ID } });
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
  });

  it.each([['householdId'], ['communityId'], ['memberId']])('rejects a malformed %s as BAD_USER_INPUT', async (key) => {
    const input = { householdId: randomUUID(), communityId: b.communityId, memberId: UNKNOWN_ID, [key]: 'room-301' };
    expect(errorOf(await b.t.graphql(b.staff, ASSIGN, { i: input }))).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${key}` });
  });

  it('refuses a community outside the jurisdiction, for the mutation and the query', async () => {
    const memberId = await b.registerMember();
    const res = await b.t.graphql(b.outsider, ASSIGN, { i: { householdId: randomUUID(), communityId: b.communityId, memberId } });
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const query = await b.t.graphql(b.outsider, `query ($c: ID!) { householdContacts(communityId: $c) { householdId } }`, { c: b.communityId });
    expect(errorOf(query).code).toBe('FORBIDDEN');
  });
});
