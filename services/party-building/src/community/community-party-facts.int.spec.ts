import { randomUUID } from 'node:crypto';
import { startTestBed, type TestBed } from '../../test/party-building-test-bed.js';

const ENTITIES = `query ($r: [_Any!]!) {
  _entities(representations: $r) { ... on Community { id partyMembersRegistered householdsWithContactMember partyActivitiesHeld } }
}`;

describe('Community (federated extension)', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('community_party_facts');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('resolves the party-building facts of a community referenced by the gateway', async () => {
    const [member] = [await b.registerMember(), await b.registerMember()];
    await b.assignContact(randomUUID(), member!);
    const organisationId = await b.establishOrganisation();
    await b.ok(
      b.staff,
      `mutation ($c: ID!, $o: ID!) { recordPartyActivityHeld(input: { communityId: $c, organisationId: $o, kind: "co_building", title: "共建活动", heldOn: "2026-10-01", participantCount: 5, registeredMemberCount: 2 }) { id } }`,
      { c: b.communityId, o: organisationId },
    );
    const { _entities } = await b.ok<{ _entities: unknown[] }>(b.staff, ENTITIES, { r: [{ __typename: 'Community', id: b.communityId }] });
    expect(_entities[0]).toEqual({ id: b.communityId, partyMembersRegistered: 2, householdsWithContactMember: 1, partyActivitiesHeld: 1 });
  });

  it('answers the counts only to a jurisdiction covering the community, even when asked directly', async () => {
    const other = await b.t.graphql<{ _entities: unknown[] }>(b.outsider, ENTITIES, { r: [{ __typename: 'Community', id: b.communityId }] });
    // The fields are non-null: the first refusal nulls the entity, and that is the error reported.
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(other.data?._entities).toEqual([null]);
    const partnerAdmin = await b.t.token({ roles: ['organisation_admin'], organisationIds: ['org-1'] });
    const partner = await b.t.graphql(partnerAdmin, ENTITIES, { r: [{ __typename: 'Community', id: b.communityId }] });
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('declares Community as an entity keyed by id in the subgraph SDL', async () => {
    const { _service } = await b.ok<{ _service: { sdl: string } }>(b.staff, `{ _service { sdl } }`);
    expect(_service.sdl).toMatch(/type Community @key\(fields: "id"\)/);
  });
});
