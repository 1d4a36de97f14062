import type { Suite } from './suite.js';
import { ok } from './workflow-test-kit.js';

/** A valid unified social credit code (check character 9). */
export const COMPANY_CREDIT_CODE = '91110105MA01ABCD39';

export interface PropertyCommunity {
  communityId: string;
  compoundId: string;
  companyId: string;
  staff: string;
  /** Files an appeal in the community and takes it through acceptance to a dispatch to `company`. */
  dispatchedAppeal(location: string, company?: string): Promise<string>;
  appeal(appealId: string): Promise<{ status: string; resolution: string | null }>;
  workOrdersOf(appealId: string): Promise<{ id: string; appealId: string | null; status: string; category: string; summary: string; location: string }[]>;
}

/**
 * A community registered in residents, with one compound (幸福小区) in property under a service contract with
 * `companyId`: the ground workflows 1 and 5 run on.
 */
export async function givenPropertyCommunity(suite: Suite, companyId: string): Promise<PropertyCommunity> {
  const residents = suite.service('residents');
  const property = suite.service('property');
  const admin = await suite.token({ roles: ['street_admin'], streetIds: ['street-e2e'] });
  const registered = await ok<{ registerCommunity: { id: string } }>(
    residents,
    admin,
    `mutation { registerCommunity(input: { name: "幸福里社区", streetId: "street-e2e", streetName: "朝阳街道" }) { id } }`,
  );
  const communityId = registered.registerCommunity.id;
  const staff = await suite.token({ roles: ['community_staff'], communityIds: [communityId] });
  const compound = await ok<{ registerCompound: { id: string } }>(property, staff, `mutation ($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }`, {
    i: { communityId, name: '幸福小区', enclosure: 'closed', unitCount: 120, floorAreaHundredthM2: 1_200_000 },
  });
  const compoundId = compound.registerCompound.id;
  await ok(property, staff, `mutation ($i: SignPropertyServiceContractInput!) { signPropertyServiceContract(input: $i) { id } }`, {
    i: { compoundId, companyId, companyName: '幸福物业服务有限公司', unifiedSocialCreditCode: COMPANY_CREDIT_CODE, startsOn: '2025-01-01', endsOn: '2027-12-31' },
  });
  return {
    communityId,
    compoundId,
    companyId,
    staff,
    async dispatchedAppeal(location, company = companyId) {
      const filed = await ok<{ fileAppeal: { id: string } }>(residents, staff, `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id } }`, {
        i: { communityId, channel: 'hotline', category: 'property.repair', description: '楼道灯坏了', location },
      });
      const appealId = filed.fileAppeal.id;
      await ok(residents, staff, `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { id } }`, { a: appealId });
      await ok(residents, staff, `mutation ($a: ID!, $k: ID!) { dispatchAppeal(input: { appealId: $a, stakeholder: { kind: "property_company", id: $k } }) { id } }`, {
        a: appealId,
        k: company,
      });
      return appealId;
    },
    async appeal(appealId) {
      return (await ok<{ appeal: { status: string; resolution: string | null } }>(residents, staff, `query ($a: ID!) { appeal(id: $a) { status resolution } }`, { a: appealId })).appeal;
    },
    async workOrdersOf(appealId) {
      const { workOrders } = await ok<{ workOrders: { id: string; appealId: string | null; status: string; category: string; summary: string; location: string }[] }>(
        property,
        staff,
        `query ($c: ID!) { workOrders(compoundId: $c) { id appealId status category summary location } }`,
        { c: compoundId },
      );
      return workOrders.filter((order) => order.appealId === appealId);
    },
  };
}
