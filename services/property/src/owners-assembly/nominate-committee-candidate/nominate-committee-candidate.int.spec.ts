import { CONVENE_ELECTION, NOMINATE, RECORD_OWNER, ROLL, formGroup, ok } from '../../../test/owners-committee-fixtures.js';
import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const CONVENE_MOTION = `mutation ($i: ConveneOwnersAssemblyInput!) { conveneOwnersAssembly(input: $i) { id } }`;

describe('nominateCommitteeCandidate', () => {
  let t: PropertyTestApp;
  let staff: string;
  let compoundId: string;
  /** A committee election with ROLL recorded, nominations open. */
  const election = async () => {
    const committeeId = await formGroup(t, staff, (compoundId = await givenCompound(t, staff)));
    const { id } = await ok<{ id: string }>(t, staff, CONVENE_ELECTION, { committeeId, seats: 1, motion: '选举第一届业主委员会' });
    for (const entry of ROLL) await ok(t, staff, RECORD_OWNER, { assemblyId: id, ...entry });
    return id;
  };

  beforeAll(async () => {
    t = await startPropertyApp('property_nominate');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('nominates owners on the roll, in order, and is quiet when one is nominated again', async () => {
    const assemblyId = await election();
    await ok(t, staff, NOMINATE, { assemblyId, candidateId: 'owner-c' });
    const second = await ok(t, staff, NOMINATE, { assemblyId, candidateId: 'owner-a' });
    expect(second).toMatchObject({ id: assemblyId, status: 'convened', candidateIds: ['owner-c', 'owner-a'] });
    expect(await ok(t, staff, NOMINATE, { assemblyId, candidateId: 'owner-c' })).toMatchObject({ candidateIds: ['owner-c', 'owner-a'] });
  });

  it('refuses someone not on the roll (BAD_USER_INPUT), a bad id, and candidates on a motion (CONFLICT)', async () => {
    const assemblyId = await election();
    const stranger = await t.graphql(staff, NOMINATE, { i: { assemblyId, candidateId: 'owner-z' } });
    expect(stranger.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'candidateId' });
    const bad = await t.graphql(staff, NOMINATE, { i: { assemblyId, candidateId: 'owner z' } });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.candidateId' });
    const motion = await ok<{ id: string }>(t, staff, CONVENE_MOTION, { compoundId, matter: 'management_rules', motion: '修订管理规约' });
    await ok(t, staff, RECORD_OWNER, { assemblyId: motion.id, ...ROLL[0]! });
    const onMotion = await t.graphql(staff, NOMINATE, { i: { assemblyId: motion.id, candidateId: 'owner-a' } });
    expect(onMotion.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers NOT_FOUND for an unknown assembly and FORBIDDEN outside the jurisdiction', async () => {
    const assemblyId = await election();
    const unknown = await t.graphql(staff, NOMINATE, { i: { assemblyId: '0190a000-0000-7000-8000-00000000dead', candidateId: 'owner-a' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    const forbidden = await t.graphql(outsider, NOMINATE, { i: { assemblyId, candidateId: 'owner-a' } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
