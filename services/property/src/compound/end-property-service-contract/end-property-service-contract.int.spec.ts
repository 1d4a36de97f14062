import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const END = `mutation ($i: EndPropertyServiceContractInput!) { endPropertyServiceContract(input: $i) { id contract { contractId } redProperty } }`;
const MARK = `mutation ($i: MarkRedPropertyInput!) { markRedProperty(input: $i) { id } }`;
const CONTRACT = `query ($id: ID!) { compound(id: $id) { contract { contractId } } }`;

describe('endPropertyServiceContract', () => {
  let t: PropertyTestApp;
  let staff: string;
  const contractOf = async (compoundId: string) =>
    (await t.graphql<{ compound: { contract: { contractId: string } } }>(staff, CONTRACT, { id: compoundId })).data!.compound.contract.contractId;

  beforeAll(async () => {
    t = await startPropertyApp('property_end_contract');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('ends the contract in force and its red-property mark; ending it again is quiet', async () => {
    const compoundId = await givenCompound(t, staff, { contract: true });
    await t.graphql(staff, MARK, { i: { compoundId, partyOrganisationId: 'po-anju-001' } });
    const contractId = await contractOf(compoundId);
    const ended = await t.graphql(staff, END, { i: { compoundId, contractId, reason: '业主大会决定解聘' } });
    expect(ended.errors).toBeUndefined();
    expect(ended.data?.endPropertyServiceContract).toEqual({ id: compoundId, contract: null, redProperty: false });
    expect((await t.graphql(staff, END, { i: { compoundId, contractId, reason: '业主大会决定解聘' } })).errors).toBeUndefined();
  });

  it('refuses a contract not in force (CONFLICT), bad input (BAD_USER_INPUT), unknown compounds and outsiders', async () => {
    const compoundId = await givenCompound(t, staff, { contract: true });
    const contractId = await contractOf(compoundId);
    const other = await t.graphql(staff, END, { i: { compoundId, contractId: '0190a000-0000-7000-8000-0000000000ee', reason: '到期' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const reason = await t.graphql(staff, END, { i: { compoundId, contractId, reason: ' ' } });
    expect(reason.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const id = await t.graphql(staff, END, { i: { compoundId, contractId: 'k-1', reason: '到期' } });
    expect(id.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.contractId' });
    const unknown = await t.graphql(staff, END, { i: { compoundId: '0190a000-0000-7000-8000-00000000dead', contractId, reason: '到期' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    expect((await t.graphql(outsider, END, { i: { compoundId, contractId, reason: '到期' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
