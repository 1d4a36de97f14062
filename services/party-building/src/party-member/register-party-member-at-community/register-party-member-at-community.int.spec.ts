import { randomUUID } from 'node:crypto';
import { errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const REGISTER = `mutation ($i: RegisterPartyMemberAtCommunityInput!) {
  registerPartyMemberAtCommunity(input: $i) { id communityId name phone membershipOrganisation householdId status }
}`;
const MEMBERS = `query ($c: ID!) { partyMembersOfCommunity(communityId: $c) { id name phone status } }`;

describe('registerPartyMemberAtCommunity', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('register_party_member');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('registers a member with name and phone encrypted, in clear for staff and masked for an analyst', async () => {
    const householdId = randomUUID();
    const input = { communityId: b.communityId, name: '孙志刚', phone: '139 1234 5678', membershipOrganisation: '区教育局机关党支部', householdId };
    const { registerPartyMemberAtCommunity: member } = await b.ok<{ registerPartyMemberAtCommunity: { id: string } }>(b.staff, REGISTER, { i: input });
    expect(member).toMatchObject({
      communityId: b.communityId,
      name: '孙志刚',
      phone: '13912345678',
      membershipOrganisation: '区教育局机关党支部',
      householdId,
      status: 'registered',
    });

    const { rows } = await b.t.db.pool.query<{ data: string }>(`select data::text from es_events where event_type = 'PartyMemberRegisteredAtCommunity'`);
    expect(rows[0]!.data).not.toContain('孙志刚');
    expect(rows[0]!.data).not.toContain('13912345678');

    const forStaff = await b.ok<{ partyMembersOfCommunity: { id: string; name: string }[] }>(b.staff, MEMBERS, { c: b.communityId });
    expect(forStaff.partyMembersOfCommunity).toContainEqual({ id: member.id, name: '孙志刚', phone: '13912345678', status: 'registered' });
    const forAnalyst = await b.ok<{ partyMembersOfCommunity: { id: string; name: string; phone: string }[] }>(b.analyst, MEMBERS, { c: b.communityId });
    const masked = forAnalyst.partyMembersOfCommunity.find((m) => m.id === member.id)!;
    expect(masked.name).not.toBe('孙志刚');
    expect(masked.phone).not.toBe('13912345678');
  });

  it('refuses registering a member at a second community while registered at one (CONFLICT)', async () => {
    const memberId = await b.registerMember();
    const other = randomUUID();
    const staffOfBoth = await b.t.token({ roles: ['community_staff'], communityIds: [b.communityId, other] });
    const res = await b.t.graphql(staffOfBoth, REGISTER, {
      i: { memberId, communityId: other, name: '李红', phone: '13800000009', membershipOrganisation: '市供电公司第三党支部' },
    });
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it.each([
    [{ communityId: 'x' }, 'input.communityId'],
    [{ memberId: 'x' }, 'input.memberId'],
    [{ name: '' }, 'input.name'],
    [{ phone: '12345' }, 'input.phone'],
    [{ membershipOrganisation: ' ' }, 'input.membershipOrganisation'],
    [{ householdId: '3-2-301' }, 'input.householdId'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    const input = { communityId: b.communityId, name: '李红', phone: '13800000001', membershipOrganisation: '某党支部', ...override };
    expect(errorOf(await b.t.graphql(b.staff, REGISTER, { i: input }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a community outside the jurisdiction, for the mutation and the query', async () => {
    const input = { communityId: b.communityId, name: '李红', phone: '13800000001', membershipOrganisation: '某党支部' };
    expect(errorOf(await b.t.graphql(b.outsider, REGISTER, { i: input })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.outsider, MEMBERS, { c: b.communityId })).code).toBe('FORBIDDEN');
  });
});
