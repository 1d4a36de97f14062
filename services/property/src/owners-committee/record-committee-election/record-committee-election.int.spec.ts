import { OWNERS_COMMITTEE, RECORD_ELECTION, electedCommittee, electionVoting, formGroup, ok, voteAndCount } from '../../../test/owners-committee-fixtures.js';
import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

type Committee = { id: string; status: string; assemblyId: string | null; memberIds: string[]; elections: { id: string; electionResult: { outcome: string } | null }[] };

describe('recordCommitteeElection', () => {
  let t: PropertyTestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startPropertyApp('property_record_election');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('records the owners the count elected, after an election that failed the 2/3 turnout', async () => {
    const compoundId = await givenCompound(t, staff);
    const committeeId = await formGroup(t, staff, compoundId);
    const failed = await electionVoting(t, staff, committeeId);
    expect((await voteAndCount(t, staff, failed, ['u-101', 'u-102'])).electionResult.outcome).toBe('invalid_turnout');
    const refused = await t.graphql(staff, RECORD_ELECTION, { i: { committeeId, assemblyId: failed } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const second = await electionVoting(t, staff, committeeId);
    const uncounted = await t.graphql(staff, RECORD_ELECTION, { i: { committeeId, assemblyId: second } });
    expect(uncounted.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    expect((await voteAndCount(t, staff, second, ['u-101', 'u-102', 'u-201', 'u-202'])).electionResult.outcome).toBe('elected');

    const recorded = await ok<Committee>(t, staff, RECORD_ELECTION, { committeeId, assemblyId: second });
    expect(recorded).toMatchObject({ id: committeeId, status: 'elected', assemblyId: second, memberIds: ['owner-a', 'owner-c'] });
    expect(await ok(t, staff, RECORD_ELECTION, { committeeId, assemblyId: second })).toMatchObject({ status: 'elected' });
    const read = await t.graphql<{ ownersCommittee: Committee }>(staff, OWNERS_COMMITTEE, { c: compoundId });
    expect(read.data?.ownersCommittee).toMatchObject({
      id: committeeId,
      status: 'elected',
      elections: [
        { id: failed, electionResult: { outcome: 'invalid_turnout' } },
        { id: second, electionResult: { outcome: 'elected' } },
      ],
    });
  });

  it("refuses an assembly that is not an election of the committee's compound (BAD_USER_INPUT)", async () => {
    const { committeeId } = await electedCommittee(t, staff, await givenCompound(t, staff));
    const { assemblyId: elsewhere } = await electedCommittee(t, staff, await givenCompound(t, staff));
    const other = await t.graphql(staff, RECORD_ELECTION, { i: { committeeId, assemblyId: elsewhere } });
    expect(other.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.assemblyId' });
    const bad = await t.graphql(staff, RECORD_ELECTION, { i: { committeeId, assemblyId: 'x' } });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.assemblyId' });
  });

  it('answers NOT_FOUND for an unknown committee or assembly and FORBIDDEN outside the jurisdiction', async () => {
    const { committeeId, assemblyId } = await electedCommittee(t, staff, await givenCompound(t, staff));
    const UNKNOWN = '0190a000-0000-7000-8000-00000000dead';
    expect((await t.graphql(staff, RECORD_ELECTION, { i: { committeeId: UNKNOWN, assemblyId } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.graphql(staff, RECORD_ELECTION, { i: { committeeId, assemblyId: UNKNOWN } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    expect((await t.graphql(outsider, RECORD_ELECTION, { i: { committeeId, assemblyId } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
