import { UNKNOWN_ID, errorOf, startTestBed, type TestBed } from '../../../test/party-building-test-bed.js';

const APPOINT = `mutation ($i: AppointPartTimeCadreInput!) {
  appointPartTimeCadre(input: $i) { id cadres { id name pairedUnitId } }
}`;

describe('appointPartTimeCadre', () => {
  let b: TestBed;
  let organisationId: string;
  beforeAll(async () => {
    b = await startTestBed('appoint_part_time_cadre');
    organisationId = await b.establishOrganisation();
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('appoints cadres from paired units and lists them in order', async () => {
    await b.ok(b.staff, APPOINT, { i: { organisationId, name: '陈晓东', pairedUnitId: 'school-7' } });
    const { appointPartTimeCadre } = await b.ok<{ appointPartTimeCadre: { cadres: { id: string; name: string; pairedUnitId: string }[] } }>(
      b.staff,
      APPOINT,
      { i: { organisationId, name: '刘敏', pairedUnitId: 'hospital-2' } },
    );
    expect(appointPartTimeCadre.cadres.map((c) => [c.name, c.pairedUnitId])).toEqual([
      ['陈晓东', 'school-7'],
      ['刘敏', 'hospital-2'],
    ]);
  });

  it('refuses to move a cadre to another paired unit without release (CONFLICT)', async () => {
    const { appointPartTimeCadre } = await b.ok<{ appointPartTimeCadre: { cadres: { id: string }[] } }>(b.staff, APPOINT, {
      i: { organisationId, name: '赵磊', pairedUnitId: 'bank-1' },
    });
    const cadreId = appointPartTimeCadre.cadres.at(-1)!.id;
    const again = await b.t.graphql(b.staff, APPOINT, { i: { organisationId, cadreId, name: '赵磊', pairedUnitId: 'bank-1' } });
    expect(again.errors).toBeUndefined();
    const moved = await b.t.graphql(b.staff, APPOINT, { i: { organisationId, cadreId, name: '赵磊', pairedUnitId: 'bank-2' } });
    expect(errorOf(moved)).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it.each([
    [{ organisationId: 'nope' }, 'input.organisationId'],
    [{ cadreId: 'abc' }, 'input.cadreId'],
    [{ name: 'a\u0007b' }, 'input.name'],
    [{ pairedUnitId: '' }, 'input.pairedUnitId'],
  ])('rejects %j as BAD_USER_INPUT naming %s', async (override, field) => {
    const res = await b.t.graphql(b.staff, APPOINT, { i: { organisationId, name: '王芳', pairedUnitId: 'school-7', ...override } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for an unknown organisation and FORBIDDEN outside the jurisdiction', async () => {
    expect(errorOf(await b.t.graphql(b.staff, APPOINT, { i: { organisationId: UNKNOWN_ID, name: '王芳', pairedUnitId: 'x' } })).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, APPOINT, { i: { organisationId, name: '王芳', pairedUnitId: 'x' } })).code).toBe('FORBIDDEN');
  });
});
