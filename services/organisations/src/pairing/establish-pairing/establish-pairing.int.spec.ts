import { errorOf, startTestBed, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const ESTABLISH = `mutation ($i: EstablishPairingInput!) { establishPairing(input: $i) { id organisationId communityId status commitments pledgedFen disbursedTotalFen activitiesCount themes { month theme } establishedOn } }`;

describe('establishPairing', () => {
  let b: TestBed;
  let organisationId: string;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    b = await startTestBed('establish_pairing');
    organisationId = await b.registerOrganisation();
    input = { organisationId, communityId: b.communityId, commitments: ['开放操场', '共办四点半课堂'], pledgedFen: 600_000 };
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('establishes a pairing; the community lists it, with its organisation, and the Community entity shows it and its pledge', async () => {
    const data = await b.ok<{ establishPairing: { id: string } }>(b.staff, ESTABLISH, { i: input });
    expect(data.establishPairing).toMatchObject({
      organisationId,
      communityId: b.communityId,
      status: 'active',
      commitments: ['开放操场', '共办四点半课堂'],
      pledgedFen: 600_000,
      disbursedTotalFen: 0,
      activitiesCount: 0,
      themes: [],
    });
    const listed = await b.ok<{ pairingsOfCommunity: { id: string; organisation: { name: string } }[] }>(
      b.staff,
      `query ($c: ID!) { pairingsOfCommunity(communityId: $c) { id organisation { name } } }`,
      { c: b.communityId },
    );
    expect(listed.pairingsOfCommunity).toEqual([{ id: data.establishPairing.id, organisation: { name: '和平里第一小学' } }]);
    const entities = await b.ok<{ _entities: unknown[] }>(
      b.staff,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { id pairings { id } pairingFundsPledgedFen pairingFundsDisbursedFen } } }`,
      { r: [{ __typename: 'Community', id: b.communityId }] },
    );
    expect(entities._entities).toEqual([
      { id: b.communityId, pairings: [{ id: data.establishPairing.id }], pairingFundsPledgedFen: 600_000, pairingFundsDisbursedFen: 0 },
    ]);
  });

  it('rejects a pledge below the minimum on input.pledgedFen, and no commitments on input.commitments', async () => {
    expect(errorOf(await b.t.graphql(b.staff, ESTABLISH, { i: { ...input, pledgedFen: 499_999 } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pledgedFen' });
    expect(errorOf(await b.t.graphql(b.staff, ESTABLISH, { i: { ...input, commitments: [] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.commitments' });
  });

  it('answers NOT_FOUND for an unknown organisation and FORBIDDEN to staff of another community', async () => {
    expect(errorOf(await b.t.graphql(b.staff, ESTABLISH, { i: { ...input, organisationId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, ESTABLISH, { i: input })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.outsider, `query ($c: ID!) { pairingsOfCommunity(communityId: $c) { id } }`, { c: b.communityId })).code).toBe('FORBIDDEN');
  });

  it('guards the Community entity fields itself: no token is UNAUTHENTICATED, another community FORBIDDEN', async () => {
    const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { pairingFundsPledgedFen } } }`;
    const r = [{ __typename: 'Community', id: b.communityId }];
    expect(errorOf(await b.t.graphql(undefined, ENTITIES, { r })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await b.t.graphql(b.outsider, ENTITIES, { r })).code).toBe('FORBIDDEN');
  });
});
