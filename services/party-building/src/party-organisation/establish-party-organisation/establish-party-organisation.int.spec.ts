import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const ESTABLISH = `mutation ($i: EstablishPartyOrganisationInput!) {
  establishPartyOrganisation(input: $i) { id communityId kind name parentOrganisationId hostUnitId firstSecretary { id } cadres { id } serviceCentres { id } }
}`;

describe('establishPartyOrganisation', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('establish_party_org');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('establishes a general branch and a branch under it, answering from the roster', async () => {
    const { establishPartyOrganisation: general } = await b.ok<{ establishPartyOrganisation: Record<string, unknown> }>(b.staff, ESTABLISH, {
      i: { communityId: b.communityId, kind: 'general_branch', name: '幸福里社区党总支' },
    });
    expect(general).toMatchObject({ communityId: b.communityId, kind: 'general_branch', name: '幸福里社区党总支', parentOrganisationId: null, hostUnitId: null });
    expect(general).toMatchObject({ firstSecretary: null, cadres: [], serviceCentres: [] });

    const { establishPartyOrganisation: branch } = await b.ok<{ establishPartyOrganisation: Record<string, unknown> }>(b.staff, ESTABLISH, {
      i: { communityId: b.communityId, kind: 'branch', name: '幸福物业党支部', parentOrganisationId: general.id, hostUnitId: '91110105MA01ABCD2X' },
    });
    expect(branch).toMatchObject({ kind: 'branch', parentOrganisationId: general.id, hostUnitId: '91110105MA01ABCD2X' });

    const query = await b.ok<{ partyOrganisation: { name: string } }>(b.staff, `query ($id: ID!) { partyOrganisation(id: $id) { name } }`, { id: branch.id });
    expect(query.partyOrganisation.name).toBe('幸福物业党支部');
  });

  it.each([
    [{ communityId: 'not-a-uuid' }, 'input.communityId'],
    [{ kind: 'committee' }, 'input.kind'],
    [{ name: '   ' }, 'input.name'],
    [{ parentOrganisationId: 'x' }, 'input.parentOrganisationId'],
    [{ hostUnitId: 'has spaces' }, 'input.hostUnitId'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    const res = await b.t.graphql(b.staff, ESTABLISH, { i: { communityId: b.communityId, kind: 'branch', name: '第二党支部', ...override } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a community outside the caller’s jurisdiction and an unknown parent', async () => {
    const outside = await b.t.graphql(b.outsider, ESTABLISH, { i: { communityId: b.communityId, kind: 'branch', name: '第二党支部' } });
    expect(errorOf(outside).code).toBe('FORBIDDEN');
    const orphan = await b.t.graphql(b.staff, ESTABLISH, { i: { communityId: b.communityId, kind: 'branch', name: '第二党支部', parentOrganisationId: UNKNOWN_ID } });
    expect(errorOf(orphan).code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for an unknown organisation and FORBIDDEN for another community’s', async () => {
    const unknown = await b.t.graphql(b.staff, `query ($id: ID!) { partyOrganisation(id: $id) { id } }`, { id: UNKNOWN_ID });
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    const id = await b.establishOrganisation('第三党支部');
    const foreign = await b.t.graphql(b.outsider, `query ($id: ID!) { partyOrganisation(id: $id) { id } }`, { id });
    expect(errorOf(foreign).code).toBe('FORBIDDEN');
  });
});
