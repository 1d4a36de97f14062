import { errorOf, startTestBed, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const COMPLETE = `mutation ($i: CompleteIncubationInput!) { completeIncubation(input: $i) { id type incubationStage creditCode } }`;

describe('completeIncubation', () => {
  let b: TestBed;
  const incubating = () => b.registerOrganisation({ name: '邻里互助社', type: 'social_organisation', incubationStage: 'incubating', creditCode: null });
  beforeAll(async () => {
    b = await startTestBed('complete_incubation');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('moves an incubating social organisation to incubated, still without a code; the directory shows it at once', async () => {
    const id = await incubating();
    const data = await b.ok<{ completeIncubation: unknown }>(b.staff, COMPLETE, { i: { organisationId: id } });
    expect(data.completeIncubation).toEqual({ id, type: 'social_organisation', incubationStage: 'incubated', creditCode: null });
    const read = await b.ok<{ organisation: unknown }>(b.staff, `query ($id: ID!) { organisation(id: $id) { incubationStage } }`, { id });
    expect(read.organisation).toEqual({ incubationStage: 'incubated' });
  });

  it('answers CONFLICT when repeated, and for an organisation that is no social organisation', async () => {
    const id = await incubating();
    await b.ok(b.staff, COMPLETE, { i: { organisationId: id } });
    expect(errorOf(await b.t.graphql(b.staff, COMPLETE, { i: { organisationId: id } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const school = await b.registerOrganisation();
    expect(errorOf(await b.t.graphql(b.staff, COMPLETE, { i: { organisationId: school } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers NOT_FOUND for an unknown organisation, FORBIDDEN to staff of another community, BAD_USER_INPUT for a malformed id', async () => {
    expect(errorOf(await b.t.graphql(b.staff, COMPLETE, { i: { organisationId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
    const id = await incubating();
    expect(errorOf(await b.t.graphql(b.outsider, COMPLETE, { i: { organisationId: id } })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.staff, COMPLETE, { i: { organisationId: 'x' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationId' });
  });
});
