import { errorOf, newCreditCode, startTestBed, UNKNOWN_ID, type TestBed } from '../../../test/organisations-fixtures.js';

const REGISTER = `mutation ($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { id communityId name type creditCode incubationStage address } }`;

describe('registerOrganisation', () => {
  let b: TestBed;
  let input: Record<string, unknown>;
  beforeAll(async () => {
    b = await startTestBed('register_organisation');
    input = { communityId: b.communityId, name: '和平里第一小学', type: 'school', address: '和平里七区 3 号' };
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('registers a school with its credit code (normalised), and the directory lists it by type at once', async () => {
    const code = newCreditCode();
    const data = await b.ok<{ registerOrganisation: { id: string } }>(b.staff, REGISTER, { i: { ...input, creditCode: code.toLowerCase() } });
    expect(data.registerOrganisation).toMatchObject({ communityId: b.communityId, type: 'school', creditCode: code, incubationStage: null });
    const listed = await b.ok<{ organisations: { id: string; creditCode: string }[] }>(
      b.staff,
      `query { organisations(type: "school") { id creditCode incubationStage } }`,
    );
    expect(listed.organisations).toContainEqual({ id: data.registerOrganisation.id, creditCode: code, incubationStage: null });
    const one = await b.ok<{ organisation: { name: string } }>(b.staff, `query ($id: ID!) { organisation(id: $id) { name } }`, { id: data.registerOrganisation.id });
    expect(one.organisation.name).toBe('和平里第一小学');
  });

  it('registers an incubating social organisation without a code', async () => {
    const data = await b.ok<{ registerOrganisation: unknown }>(b.staff, REGISTER, {
      i: { ...input, name: '邻里互助社', type: 'social_organisation', incubationStage: 'incubating' },
    });
    expect(data.registerOrganisation).toMatchObject({ type: 'social_organisation', incubationStage: 'incubating', creditCode: null });
  });

  it('answers CONFLICT when a second organisation brings a credit code already registered', async () => {
    const code = newCreditCode();
    await b.ok(b.staff, REGISTER, { i: { ...input, creditCode: code } });
    const second = await b.t.graphql(b.staff, REGISTER, { i: { ...input, name: '和平里中学', creditCode: code } });
    expect(errorOf(second)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    const schools = await b.ok<{ organisations: { name: string }[] }>(b.staff, `query { organisations(type: "school") { name } }`);
    expect(schools.organisations.map((o) => o.name)).not.toContain('和平里中学');
  });

  it('lets exactly one of two racing registrations with the same code through', async () => {
    const code = newCreditCode();
    const answers = await Promise.all(
      ['和平里医院', '和平里社区医院'].map((name) => b.t.graphql(b.staff, REGISTER, { i: { ...input, type: 'hospital', name, creditCode: code } })),
    );
    expect(answers.filter((a) => a.errors === undefined)).toHaveLength(1);
    expect(answers.map((a) => errorOf(a).code).filter(Boolean)).toEqual(['CONFLICT']);
  });

  it('rejects a wrong check character on input.creditCode, an unknown type, and a code on an incubating NGO', async () => {
    const code = newCreditCode();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(errorOf(await b.t.graphql(b.staff, REGISTER, { i: { ...input, creditCode: wrong } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.creditCode' });
    expect(errorOf(await b.t.graphql(b.staff, REGISTER, { i: { ...input, creditCode: code, type: 'bank' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    expect(
      errorOf(await b.t.graphql(b.staff, REGISTER, { i: { ...input, type: 'social_organisation', incubationStage: 'incubating', creditCode: code } })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.creditCode' });
  });

  it('answers FORBIDDEN to staff of another community, and NOT_FOUND for an unknown organisation', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, REGISTER, { i: { ...input, creditCode: newCreditCode() } })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.staff, `query ($id: ID!) { organisation(id: $id) { id } }`, { id: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});
