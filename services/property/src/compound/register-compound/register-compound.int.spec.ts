import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const REGISTER = `mutation ($i: RegisterCompoundInput!) { registerCompound(input: $i) { id communityId name enclosure unitCount floorAreaHundredthM2 contract { contractId } redProperty } }`;
const SIGN = `mutation ($i: SignPropertyServiceContractInput!) { signPropertyServiceContract(input: $i) { id contract { companyName unifiedSocialCreditCode startsOn endsOn redProperty } } }`;
const MARK = `mutation ($i: MarkRedPropertyInput!) { markRedProperty(input: $i) { id redProperty contract { redPropertyPartyOrganisationId } } }`;
const contract = (compoundId: string) => ({
  compoundId,
  companyId: 'pc-002',
  companyName: '红星物业',
  unifiedSocialCreditCode: '91110105MA01ABCD39',
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
});

describe('compound mutations and queries', () => {
  let t: PropertyTestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startPropertyApp('property_compound');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  describe('registerCompound', () => {
    it('registers a compound and answers it from the directory', async () => {
      const res = await t.graphql<{ registerCompound: { id: string } }>(staff, REGISTER, {
        i: { communityId: COMMUNITY, name: ' 七区 ', enclosure: 'open', unitCount: 120, floorAreaHundredthM2: 1_234_567 },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.registerCompound).toMatchObject({ communityId: COMMUNITY, name: '七区', enclosure: 'open', unitCount: 120, floorAreaHundredthM2: 1_234_567, contract: null, redProperty: false });
    });

    it('names the bad field (BAD_USER_INPUT) before anything is stored', async () => {
      const res = await t.graphql(staff, REGISTER, { i: { communityId: COMMUNITY, name: '七区', enclosure: 'gated', unitCount: 1, floorAreaHundredthM2: 1 } });
      expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.enclosure' });
      const zero = await t.graphql(staff, REGISTER, { i: { communityId: COMMUNITY, name: '七区', enclosure: 'open', unitCount: 0, floorAreaHundredthM2: 1 } });
      expect(zero.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.unitCount' });
    });

    it('refuses another community (FORBIDDEN)', async () => {
      const res = await t.graphql(staff, REGISTER, { i: { communityId: OTHER_COMMUNITY, name: '七区', enclosure: 'open', unitCount: 1, floorAreaHundredthM2: 1 } });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('signPropertyServiceContract', () => {
    it('signs the contract in force, then refuses a second one (CONFLICT)', async () => {
      const compoundId = await givenCompound(t, staff);
      const res = await t.graphql(staff, SIGN, { i: contract(compoundId) });
      expect(res.errors).toBeUndefined();
      expect(res.data?.signPropertyServiceContract).toMatchObject({
        contract: { companyName: '红星物业', unifiedSocialCreditCode: '91110105MA01ABCD39', startsOn: '2026-01-01', endsOn: '2028-12-31', redProperty: false },
      });
      const again = await t.graphql(staff, SIGN, { i: contract(compoundId) });
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    });

    it('names a bad credit code or an end before the start (BAD_USER_INPUT), and an unknown compound (NOT_FOUND)', async () => {
      const compoundId = await givenCompound(t, staff);
      const code = await t.graphql(staff, SIGN, { i: { ...contract(compoundId), unifiedSocialCreditCode: '91110105MA01ABCD3I' } });
      expect(code.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.unifiedSocialCreditCode' });
      const dates = await t.graphql(staff, SIGN, { i: { ...contract(compoundId), endsOn: '2025-12-31' } });
      expect(dates.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endsOn' });
      const unknown = await t.graphql(staff, SIGN, { i: contract('0190a000-0000-7000-8000-00000000dead') });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('markRedProperty', () => {
    it('marks the compound under contract as red property', async () => {
      const compoundId = await givenCompound(t, staff, { contract: true });
      const res = await t.graphql(staff, MARK, { i: { compoundId, partyOrganisationId: 'po-anju-001' } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.markRedProperty).toMatchObject({ redProperty: true, contract: { redPropertyPartyOrganisationId: 'po-anju-001' } });
    });

    it('refuses a compound without contract (CONFLICT), names a bad id (BAD_USER_INPUT), and refuses outsiders (FORBIDDEN)', async () => {
      const compoundId = await givenCompound(t, staff);
      const bare = await t.graphql(staff, MARK, { i: { compoundId, partyOrganisationId: 'po-1' } });
      expect(bare.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const bad = await t.graphql(staff, MARK, { i: { compoundId, partyOrganisationId: 'po 1' } });
      expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.partyOrganisationId' });
      const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
      const forbidden = await t.graphql(outsider, MARK, { i: { compoundId, partyOrganisationId: 'po-1' } });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('queries and the Community extension', () => {
    it('lists the compounds of a community and extends the federated Community', async () => {
      const compoundId = await givenCompound(t, staff, { contract: true });
      const one = await t.graphql<{ compound: { id: string; contract: { companyName: string } } }>(staff, `query ($id: ID!) { compound(id: $id) { id contract { companyName } } }`, { id: compoundId });
      expect(one.data?.compound).toEqual({ id: compoundId, contract: { companyName: '安居物业' } });
      const list = await t.graphql<{ compoundsOfCommunity: { id: string }[] }>(staff, `query ($c: ID!) { compoundsOfCommunity(communityId: $c) { id redProperty latestAssessment { rating } } }`, { c: COMMUNITY });
      expect(list.data?.compoundsOfCommunity.map((c) => c.id)).toContain(compoundId);
      const entities = await t.graphql<{ _entities: { compounds: { id: string }[]; compoundsWithOwnersCommittee: number; latestAssessmentRatings: unknown[] }[] }>(
        staff,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { compounds { id } compoundsWithOwnersCommittee latestAssessmentRatings { rating } } } }`,
        { r: [{ __typename: 'Community', id: COMMUNITY }] },
      );
      expect(entities.errors).toBeUndefined();
      expect(entities.data?._entities[0]?.compounds.map((c) => c.id)).toContain(compoundId);
      expect(entities.data?._entities[0]?.compoundsWithOwnersCommittee).toBe(0);
      const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
      const viaGateway = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { compounds { id } } } }`;
      const entityOutsider = await t.graphql(outsider, viaGateway, { r: [{ __typename: 'Community', id: COMMUNITY }] });
      expect(entityOutsider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const anonymous = await t.graphql(undefined, viaGateway, { r: [{ __typename: 'Community', id: COMMUNITY }] });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const forbidden = await t.graphql(outsider, `query ($id: ID!) { compound(id: $id) { id } }`, { id: compoundId });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const missing = await t.graphql(staff, `query { compound(id: "0190a000-0000-7000-8000-00000000dead") { id } }`);
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
