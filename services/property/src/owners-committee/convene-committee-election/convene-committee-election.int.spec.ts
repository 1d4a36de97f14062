import { CONVENE_ELECTION, electedCommittee, formGroup, ok, RECORD_ELECTION } from '../../../test/owners-committee-fixtures.js';
import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const UNKNOWN = '0190a000-0000-7000-8000-00000000dead';

describe('conveneCommitteeElection', () => {
  let t: PropertyTestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startPropertyApp('property_convene_election');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it("convenes an owners' assembly of the committee's compound on the committee election, ordinary by art. 278", async () => {
    const compoundId = await givenCompound(t, staff);
    const committeeId = await formGroup(t, staff, compoundId);
    const res = await t.graphql(staff, CONVENE_ELECTION, { i: { committeeId, seats: 5, motion: '选举第一届业主委员会' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.conveneCommitteeElection).toMatchObject({
      compoundId,
      communityId: COMMUNITY,
      matter: 'committee_election',
      motion: '选举第一届业主委员会',
      thresholdClass: 'ordinary',
      status: 'convened',
      seats: 5,
      candidateIds: [],
      ballotsCast: 0,
      result: null,
      electionResult: null,
    });
  });

  it('names bad input (BAD_USER_INPUT), answers NOT_FOUND for an unknown committee and FORBIDDEN for outsiders', async () => {
    const committeeId = await formGroup(t, staff, await givenCompound(t, staff));
    const seats = await t.graphql(staff, CONVENE_ELECTION, { i: { committeeId, seats: 0, motion: '选举' } });
    expect(seats.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.seats' });
    const motion = await t.graphql(staff, CONVENE_ELECTION, { i: { committeeId, seats: 5, motion: ' ' } });
    expect(motion.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.motion' });
    const unknown = await t.graphql(staff, CONVENE_ELECTION, { i: { committeeId: UNKNOWN, seats: 5, motion: '选举' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    const forbidden = await t.graphql(outsider, CONVENE_ELECTION, { i: { committeeId, seats: 5, motion: '选举' } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an election for a committee already elected (CONFLICT)', async () => {
    const { committeeId, assemblyId } = await electedCommittee(t, staff, await givenCompound(t, staff));
    await ok(t, staff, RECORD_ELECTION, { committeeId, assemblyId });
    const again = await t.graphql(staff, CONVENE_ELECTION, { i: { committeeId, seats: 5, motion: '再次选举' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });
});
