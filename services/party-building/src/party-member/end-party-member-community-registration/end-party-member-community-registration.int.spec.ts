import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const END = `mutation ($i: EndPartyMemberCommunityRegistrationInput!) {
  endPartyMemberCommunityRegistration(input: $i) { id name status endedAt endReason }
}`;

describe('endPartyMemberCommunityRegistration', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('end_party_member_registration');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('ends a registration, quietly again, and drops the member from the community list', async () => {
    const memberId = await b.registerMember({ name: '吴刚' });
    const { endPartyMemberCommunityRegistration: ended } = await b.ok<{ endPartyMemberCommunityRegistration: { endedAt: string } }>(b.staff, END, {
      i: { memberId, reason: '搬离本社区' },
    });
    expect(ended).toMatchObject({ id: memberId, name: '吴刚', status: 'ended', endReason: '搬离本社区' });
    expect(ended.endedAt).toEqual(expect.any(String));
    const again = await b.ok<{ endPartyMemberCommunityRegistration: { endedAt: string } }>(b.staff, END, { i: { memberId, reason: '重复提交' } });
    expect(again.endPartyMemberCommunityRegistration).toMatchObject({ status: 'ended', endReason: '搬离本社区', endedAt: ended.endedAt });
    const list = await b.ok<{ partyMembersOfCommunity: { id: string }[] }>(b.staff, `query ($c: ID!) { partyMembersOfCommunity(communityId: $c) { id } }`, {
      c: b.communityId,
    });
    expect(list.partyMembersOfCommunity.map((m) => m.id)).not.toContain(memberId);
  });

  it.each([
    [{ memberId: 'x' }, 'input.memberId'],
    [{ reason: '' }, 'input.reason'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    const res = await b.t.graphql(b.staff, END, { i: { memberId: UNKNOWN_ID, reason: '搬离', ...override } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for an unknown member and FORBIDDEN outside the jurisdiction', async () => {
    expect(errorOf(await b.t.graphql(b.staff, END, { i: { memberId: UNKNOWN_ID, reason: '搬离' } })).code).toBe('NOT_FOUND');
    const memberId = await b.registerMember();
    expect(errorOf(await b.t.graphql(b.outsider, END, { i: { memberId, reason: '搬离' } })).code).toBe('FORBIDDEN');
  });
});
