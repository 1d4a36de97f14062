import { errorOf, opportunityInput, PERSON_IN_CHARGE, PUBLISH, startVolunteersTestBed, UNKNOWN_ID, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

describe('publishServiceOpportunity', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('publish_opportunity');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('publishes an opportunity; the person in charge is in clear for staff and masked for an analyst', async () => {
    const data = await b.ok<{ publishServiceOpportunity: { id: string } }>(b.staff, PUBLISH, { i: opportunityInput(b.communityId) });
    expect(data.publishServiceOpportunity).toMatchObject({ status: 'published', capacity: 5, personInChargeName: PERSON_IN_CHARGE, signedUpCount: 0, signUps: [] });
    const seen = await b.ok<{ opportunity: { personInChargeName: string } }>(b.analyst, `query ($o: ID!) { opportunity(id: $o) { personInChargeName } }`, {
      o: data.publishServiceOpportunity.id,
    });
    expect(seen.opportunity.personInChargeName).not.toBe(PERSON_IN_CHARGE);
  });

  it('rejects an end before the start, a zero capacity and a standalone source with an id as BAD_USER_INPUT naming the field', async () => {
    const start = new Date().toISOString();
    for (const [overrides, field] of [
      [{ endsAt: start, startsAt: start }, 'input.endsAt'],
      [{ capacity: 0 }, 'input.capacity'],
      [{ source: { kind: 'standalone', id: 'x' } }, 'input.source.id'],
      [{ startsAt: 'tomorrow' }, 'input.startsAt'],
    ] as const) {
      expect(errorOf(await b.t.graphql(b.staff, PUBLISH, { i: opportunityInput(b.communityId, 30, overrides) }))).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('answers FORBIDDEN to staff of another community, NOT_FOUND for an unknown opportunity', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, PUBLISH, { i: opportunityInput(b.communityId) })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.staff, `query ($o: ID!) { opportunity(id: $o) { id } }`, { o: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});
