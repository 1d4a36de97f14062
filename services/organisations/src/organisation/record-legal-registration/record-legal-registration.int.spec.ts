import { errorOf, newCreditCode, startTestBed, type TestBed } from '../../../test/organisations-fixtures.js';

const RECORD = `mutation ($i: RecordLegalRegistrationInput!) { recordLegalRegistration(input: $i) { id incubationStage creditCode } }`;
const COMPLETE = `mutation ($id: ID!) { completeIncubation(input: { organisationId: $id }) { id } }`;

describe('recordLegalRegistration', () => {
  let b: TestBed;
  const incubated = async (): Promise<string> => {
    const id = await b.registerOrganisation({ name: '文体协会', type: 'social_organisation', incubationStage: 'incubating', creditCode: null });
    await b.ok(b.staff, COMPLETE, { id });
    return id;
  };
  beforeAll(async () => {
    b = await startTestBed('record_legal_registration');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('gives an incubated social organisation its credit code (normalised); the directory lists it as registered', async () => {
    const id = await incubated();
    const code = newCreditCode();
    const data = await b.ok<{ recordLegalRegistration: unknown }>(b.staff, RECORD, { i: { organisationId: id, creditCode: code.toLowerCase() } });
    expect(data.recordLegalRegistration).toEqual({ id, incubationStage: 'registered', creditCode: code });
    const listed = await b.ok<{ organisations: { id: string; creditCode: string | null }[] }>(
      b.staff,
      `query { organisations(type: "social_organisation") { id creditCode incubationStage } }`,
    );
    expect(listed.organisations).toContainEqual({ id, creditCode: code, incubationStage: 'registered' });
  });

  it('answers CONFLICT for a code another organisation holds, and leaves the organisation incubated', async () => {
    const code = newCreditCode();
    await b.registerOrganisation({ creditCode: code });
    const id = await incubated();
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: { organisationId: id, creditCode: code } }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    const read = await b.ok<{ organisation: unknown }>(b.staff, `query ($id: ID!) { organisation(id: $id) { incubationStage creditCode } }`, { id });
    expect(read.organisation).toEqual({ incubationStage: 'incubated', creditCode: null });
  });

  it('answers CONFLICT for a social organisation still incubating, without holding its code', async () => {
    const id = await b.registerOrganisation({ name: '读书会', type: 'social_organisation', incubationStage: 'incubating', creditCode: null });
    const code = newCreditCode();
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: { organisationId: id, creditCode: code } }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    // The refused move reserved nothing: another organisation can still register with the code.
    await b.registerOrganisation({ creditCode: code });
  });

  it('rejects a wrong check character on input.creditCode and answers FORBIDDEN to staff of another community', async () => {
    const id = await incubated();
    const code = newCreditCode();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(errorOf(await b.t.graphql(b.staff, RECORD, { i: { organisationId: id, creditCode: wrong } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.creditCode' });
    expect(errorOf(await b.t.graphql(b.outsider, RECORD, { i: { organisationId: id, creditCode: code } })).code).toBe('FORBIDDEN');
  });
});
