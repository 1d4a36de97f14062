import { startServiceApp, type ServiceTestApp } from '@cogov/testing';
import { AppModule } from '../src/app.module.js';
import { loadConfig, type PropertyConfig } from '../src/infrastructure/config.js';

export type PropertyTestApp = ServiceTestApp<PropertyConfig>;

export const startPropertyApp = (hint: string): Promise<PropertyTestApp> =>
  startServiceApp({ hint, loadConfig, module: (config) => AppModule.forRoot(config) });

export const COMMUNITY = '0190a000-0000-7000-8000-0000000000c1';
export const OTHER_COMMUNITY = '0190a000-0000-7000-8000-0000000000c2';

const REGISTER = `mutation ($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }`;
const SIGN = `mutation ($i: SignPropertyServiceContractInput!) { signPropertyServiceContract(input: $i) { id } }`;

/** A registered compound of COMMUNITY, with a contract in force when `contract` is set. */
export async function givenCompound(t: PropertyTestApp, staff: string, { contract = false } = {}): Promise<string> {
  const registered = await t.graphql<{ registerCompound: { id: string } }>(staff, REGISTER, {
    i: { communityId: COMMUNITY, name: '幸福小区', enclosure: 'closed', unitCount: 4, floorAreaHundredthM2: 40_000 },
  });
  if (registered.errors) throw new Error(JSON.stringify(registered.errors));
  const compoundId = registered.data!.registerCompound.id;
  if (contract) {
    const signed = await t.graphql(staff, SIGN, {
      i: { compoundId, companyId: 'pc-001', companyName: '安居物业', unifiedSocialCreditCode: '91110105MA01ABCD39', startsOn: '2025-01-01', endsOn: '2027-12-31' },
    });
    if (signed.errors) throw new Error(JSON.stringify(signed.errors));
  }
  return compoundId;
}
