import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const OPEN = `mutation ($i: OpenPartyMassesServiceCentreInput!) {
  openPartyMassesServiceCentre(input: $i) { id serviceCentres { kind name address } }
}`;

describe('openPartyMassesServiceCentre', () => {
  let b: TestBed;
  let organisationId: string;
  beforeAll(async () => {
    b = await startTestBed('open_service_centre');
    organisationId = await b.establishOrganisation();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('opens the centre and a station, and refuses a second centre (CONFLICT)', async () => {
    await b.ok(b.staff, OPEN, { i: { organisationId, kind: 'centre', name: '幸福里党群服务中心', address: '幸福路1号' } });
    const { openPartyMassesServiceCentre } = await b.ok<{ openPartyMassesServiceCentre: { serviceCentres: unknown[] } }>(b.staff, OPEN, {
      i: { organisationId, kind: 'station', name: '3号楼党群服务站', address: '幸福小区3号楼' },
    });
    expect(openPartyMassesServiceCentre.serviceCentres).toEqual([
      { kind: 'centre', name: '幸福里党群服务中心', address: '幸福路1号' },
      { kind: 'station', name: '3号楼党群服务站', address: '幸福小区3号楼' },
    ]);
    const second = await b.t.graphql(b.staff, OPEN, { i: { organisationId, kind: 'centre', name: '第二中心', address: '幸福路2号' } });
    expect(errorOf(second)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it.each([
    [{ organisationId: '' }, 'input.organisationId'],
    [{ kind: 'hub' }, 'input.kind'],
    [{ name: '' }, 'input.name'],
    [{ address: 'x'.repeat(121) }, 'input.address'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    const res = await b.t.graphql(b.staff, OPEN, { i: { organisationId, kind: 'station', name: '站', address: '幸福路', ...override } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for an unknown organisation and FORBIDDEN outside the jurisdiction', async () => {
    const input = { kind: 'station', name: '站', address: '幸福路' };
    expect(errorOf(await b.t.graphql(b.staff, OPEN, { i: { ...input, organisationId: UNKNOWN_ID } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, OPEN, { i: { ...input, organisationId } })).code).toBe('FORBIDDEN');
  });
});
