import { startResidentsApp, type ResidentsTestApp } from '../../../test/residents-test-app.js';

const REGISTER = `mutation ($input: RegisterCommunityInput!) { registerCommunity(input: $input) { id name streetId streetName grids { id } } }`;

describe('registerCommunity', () => {
  let t: ResidentsTestApp;
  beforeAll(async () => {
    t = await startResidentsApp('register_community');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('registers a community in the street admin street and answers its state', async () => {
    const token = await t.token({ roles: ['street_admin'], streetIds: ['street-chaoyang'] });
    const res = await t.graphql<{ registerCommunity: { id: string; name: string } }>(token, REGISTER, {
      input: { name: '幸福里社区', streetId: 'street-chaoyang', streetName: '朝阳街道' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.registerCommunity).toMatchObject({ name: '幸福里社区', streetId: 'street-chaoyang', grids: [] });
  });

  it('rejects an empty name as BAD_USER_INPUT naming the field', async () => {
    const token = await t.token({ roles: ['street_admin'], streetIds: ['street-chaoyang'] });
    const res = await t.graphql(token, REGISTER, { input: { name: '  ', streetId: 'street-chaoyang', streetName: '朝阳街道' } });
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(res.errors?.[0]?.message).toContain('input.name');
  });

  it('refuses a street admin of another street (FORBIDDEN) and a caller without token (UNAUTHENTICATED)', async () => {
    const other = await t.token({ roles: ['street_admin'], streetIds: ['street-other'] });
    const forbidden = await t.graphql(other, REGISTER, { input: { name: 'X社区', streetId: 'street-chaoyang', streetName: '朝阳街道' } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.graphql(undefined, REGISTER, { input: { name: 'X社区', streetId: 'street-chaoyang', streetName: '朝阳街道' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(anonymous)).not.toContain('stacktrace');
  });
});

describe('Community as a federation entity (_entities)', () => {
  let t: ResidentsTestApp;
  let communityId: string;
  const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { name grids { name workerName } } } }`;

  beforeAll(async () => {
    t = await startResidentsApp('community_entities');
    const admin = await t.token({ roles: ['street_admin'], streetIds: ['street-chaoyang'] });
    const res = await t.graphql<{ registerCommunity: { id: string } }>(admin, REGISTER, {
      input: { name: '幸福里社区', streetId: 'street-chaoyang', streetName: '朝阳街道' },
    });
    communityId = res.data!.registerCommunity.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('refuses entity look-ups without a token: they bypass the resolver guards, so the operation is authenticated first', async () => {
    const res = await t.graphql(undefined, ENTITIES, { r: [{ __typename: 'Community', id: communityId }] });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('answers an authenticated look-up with the caller known to the field resolvers', async () => {
    const analyst = await t.token({ roles: ['agency_analyst'], streetIds: ['street-chaoyang'] });
    const res = await t.graphql<{ _entities: { name: string }[] }>(analyst, ENTITIES, { r: [{ __typename: 'Community', id: communityId }] });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([{ name: '幸福里社区', grids: [] }]);
  });
});
