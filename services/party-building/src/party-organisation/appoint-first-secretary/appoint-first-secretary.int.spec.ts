import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const APPOINT = `mutation ($i: AppointFirstSecretaryInput!) {
  appointFirstSecretary(input: $i) { id firstSecretary { id name sendingUnitId appointedAt } }
}`;

describe('appointFirstSecretary', () => {
  let b: TestBed;
  let organisationId: string;
  beforeAll(async () => {
    b = await startTestBed('appoint_first_secretary');
    organisationId = await b.establishOrganisation();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('appoints a secretary, stores the name encrypted, shows it in clear to staff and masked to an analyst', async () => {
    const { appointFirstSecretary } = await b.ok<{ appointFirstSecretary: { firstSecretary: { id: string; name: string; sendingUnitId: string } } }>(
      b.staff,
      APPOINT,
      { i: { organisationId, name: '张建国', sendingUnitId: 'city-power-company' } },
    );
    expect(appointFirstSecretary.firstSecretary).toMatchObject({ name: '张建国', sendingUnitId: 'city-power-company' });

    const { rows } = await b.t.db.pool.query<{ data: string }>(`select data::text from es_events where event_type = 'FirstSecretaryAppointed'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).not.toContain('张建国');

    const seen = await b.ok<{ partyOrganisation: { firstSecretary: { id: string; name: string } } }>(
      b.analyst,
      `query ($id: ID!) { partyOrganisation(id: $id) { firstSecretary { id name } } }`,
      { id: organisationId },
    );
    expect(seen.partyOrganisation.firstSecretary.id).toBe(appointFirstSecretary.firstSecretary.id);
    expect(seen.partyOrganisation.firstSecretary.name).not.toContain('建国');
  });

  it('replaces the secretary in office with a new appointment', async () => {
    const { appointFirstSecretary } = await b.ok<{ appointFirstSecretary: { firstSecretary: { name: string; sendingUnitId: string | null } } }>(
      b.staff,
      APPOINT,
      { i: { organisationId, name: '周丽' } },
    );
    expect(appointFirstSecretary.firstSecretary).toMatchObject({ name: '周丽', sendingUnitId: null });
  });

  it.each([
    [{ organisationId: 'nope' }, 'input.organisationId'],
    [{ secretaryId: '123' }, 'input.secretaryId'],
    [{ name: '' }, 'input.name'],
    [{ sendingUnitId: 'bad unit' }, 'input.sendingUnitId'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    const res = await b.t.graphql(b.staff, APPOINT, { i: { organisationId, name: '王芳', ...override } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for an unknown organisation and FORBIDDEN outside the jurisdiction, encrypting nothing', async () => {
    const keys = async () => (await b.t.db.pool.query<{ n: number }>(`select count(*)::int as n from es_subject_keys`)).rows[0]!.n;
    const before = await keys();
    expect(errorOf(await b.t.graphql(b.staff, APPOINT, { i: { organisationId: UNKNOWN_ID, name: '王芳' } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, APPOINT, { i: { organisationId, name: '王芳' } })).code).toBe('FORBIDDEN');
    expect(await keys()).toBe(before);
  });
});
