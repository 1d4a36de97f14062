import { CAST_ELECTION, COUNT, electionVoting, formGroup, ok, voteAndCount } from '../../../test/owners-committee-fixtures.js';
import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

type Election = { id: string; status: string; ballotsCast: number; result: unknown; electionResult: Record<string, unknown> & { explanation: string[] } };

describe('castElectionBallot (and the count of a committee election)', () => {
  let t: PropertyTestApp;
  let staff: string;
  const voting = async (seats = 2) => electionVoting(t, staff, await formGroup(t, staff, await givenCompound(t, staff)), seats);

  beforeAll(async () => {
    t = await startPropertyApp('property_election_ballot');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('takes one ballot per unit and counts each candidate by the ordinary rule, explaining turnout and decisions', async () => {
    const assemblyId = await voting();
    await ok(t, staff, CAST_ELECTION, { assemblyId, unitId: 'u-101', approvedCandidateIds: ['owner-a', 'owner-c'] });
    await ok(t, staff, CAST_ELECTION, { assemblyId, unitId: 'u-102', approvedCandidateIds: ['owner-a'] });
    await ok(t, staff, CAST_ELECTION, { assemblyId, unitId: 'u-201', approvedCandidateIds: ['owner-a'] });
    await ok(t, staff, CAST_ELECTION, { assemblyId, unitId: 'u-301', approvedCandidateIds: [] });
    const cast = await ok<Election>(t, staff, CAST_ELECTION, { assemblyId, unitId: 'u-302', approvedCandidateIds: [] });
    expect(cast).toMatchObject({ status: 'voting', ballotsCast: 5, electionResult: null });
    const counted = await ok<Election>(t, staff, COUNT, { assemblyId });
    // 500 of 600 m² and 4 of 5 owners took part (≥ 2/3); owner-a has 3 of 4 owners and 300 of 500 m² (> 1/2),
    // owner-c 1 owner and 100 m²: one of two seats filled.
    expect(counted).toMatchObject({
      status: 'counted',
      result: null,
      electionResult: {
        outcome: 'partially_elected',
        seats: 2,
        rule: { headcount: 'per_owner', participation: { text: '≥ 2/3' }, ordinary: { text: '> 1/2' } },
        roll: { areaHundredthM2: 60_000, owners: 5, units: 6 },
        turnout: { part: { areaHundredthM2: 50_000, owners: 4, units: 5 }, whole: { areaHundredthM2: 60_000, owners: 5 }, areaMet: true, ownersMet: true, met: true },
        candidates: [
          { candidateId: 'owner-a', elected: true, decision: { part: { areaHundredthM2: 30_000, owners: 3 }, whole: { areaHundredthM2: 50_000, owners: 4 }, threshold: { text: '> 1/2' }, met: true } },
          { candidateId: 'owner-c', elected: false, decision: { part: { areaHundredthM2: 10_000, owners: 1 }, met: false } },
        ],
        elected: ['owner-a'],
        tiedForLastSeat: [],
      },
    });
    expect(counted.electionResult.explanation).toEqual([
      'turnout: area 500.00 m² of 600.00 m² ≥ 2/3 met; owners 4 of 5 ≥ 2/3 met',
      'candidate owner-a (ordinary decision): area 300.00 m² of 500.00 m² > 1/2 met; owners 3 of 4 > 1/2 met',
      'candidate owner-c (ordinary decision): area 100.00 m² of 500.00 m² > 1/2 not met; owners 1 of 4 > 1/2 not met',
      'outcome: partially_elected, 1 of 2 seats filled (headcount per_owner)',
    ]);
    const read = await t.graphql<{ ownersAssembly: unknown }>(staff, `query ($id: ID!) { ownersAssembly(id: $id) { id electionResult { outcome elected } } }`, { id: assemblyId });
    expect(read.data?.ownersAssembly).toEqual({ id: assemblyId, electionResult: { outcome: 'partially_elected', elected: ['owner-a'] } });
  });

  it('says when too few took part: invalid turnout by area and by headcount, nobody elected', async () => {
    const assemblyId = await voting();
    const counted = await voteAndCount(t, staff, assemblyId, ['u-101', 'u-102', 'u-201']);
    expect(counted.electionResult).toMatchObject({ outcome: 'invalid_turnout', elected: [], turnout: { areaMet: false, ownersMet: false, met: false } });
  });

  it('refuses non-candidates and too many approvals (BAD_USER_INPUT), a changed or a motion ballot (CONFLICT)', async () => {
    const assemblyId = await voting(1);
    const stranger = await t.graphql(staff, CAST_ELECTION, { i: { assemblyId, unitId: 'u-101', approvedCandidateIds: ['owner-b'] } });
    expect(stranger.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'approvedCandidateIds' });
    const tooMany = await t.graphql(staff, CAST_ELECTION, { i: { assemblyId, unitId: 'u-101', approvedCandidateIds: ['owner-a', 'owner-c'] } });
    expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'approvedCandidateIds' });
    const badId = await t.graphql(staff, CAST_ELECTION, { i: { assemblyId, unitId: 'u-101', approvedCandidateIds: ['owner a'] } });
    expect(badId.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.approvedCandidateIds[0]' });
    await ok(t, staff, CAST_ELECTION, { assemblyId, unitId: 'u-101', approvedCandidateIds: ['owner-a'] });
    expect(await ok(t, staff, CAST_ELECTION, { assemblyId, unitId: 'u-101', approvedCandidateIds: ['owner-a'] })).toMatchObject({ ballotsCast: 1 });
    const changed = await t.graphql(staff, CAST_ELECTION, { i: { assemblyId, unitId: 'u-101', approvedCandidateIds: ['owner-c'] } });
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const motion = await t.graphql(staff, `mutation ($i: CastMotionBallotInput!) { castMotionBallot(input: $i) { id } }`, { i: { assemblyId, unitId: 'u-102', choice: 'for' } });
    expect(motion.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for an unknown assembly and FORBIDDEN outside the jurisdiction', async () => {
    const assemblyId = await voting();
    const unknown = await t.graphql(staff, CAST_ELECTION, { i: { assemblyId: '0190a000-0000-7000-8000-00000000dead', unitId: 'u-101', approvedCandidateIds: [] } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    const forbidden = await t.graphql(outsider, CAST_ELECTION, { i: { assemblyId, unitId: 'u-101', approvedCandidateIds: [] } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
