import { FORM, OWNERS_COMMITTEE, formGroup } from '../../../test/owners-committee-fixtures.js';
import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const UNKNOWN = '0190a000-0000-7000-8000-00000000dead';

describe('formPreparatoryGroup', () => {
  let t: PropertyTestApp;
  let staff: string;
  beforeAll(async () => {
    t = await startPropertyApp('property_form_group');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it("forms the preparatory group of the compound's owners' committee, which ownersCommittee(compoundId) then shows", async () => {
    const compoundId = await givenCompound(t, staff);
    const none = await t.graphql<{ ownersCommittee: unknown }>(staff, OWNERS_COMMITTEE, { c: compoundId });
    expect(none.data?.ownersCommittee).toBeNull();
    const res = await t.graphql<{ formPreparatoryGroup: { id: string } }>(staff, FORM, { i: { compoundId, memberIds: ['rc-staff-1', 'owner-c', 'owner-a'] } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.formPreparatoryGroup).toMatchObject({
      compoundId,
      communityId: COMMUNITY,
      status: 'preparing',
      preparatoryGroupIds: ['owner-a', 'owner-c', 'rc-staff-1'],
      assemblyId: null,
      memberIds: [],
      filingNumber: null,
    });
    const read = await t.graphql<{ ownersCommittee: { id: string; elections: unknown[] } }>(staff, OWNERS_COMMITTEE, { c: compoundId });
    expect(read.data?.ownersCommittee).toMatchObject({ id: res.data!.formPreparatoryGroup.id, status: 'preparing', elections: [] });
  });

  it('names bad members (BAD_USER_INPUT) and refuses a second group while one is being formed (CONFLICT)', async () => {
    const compoundId = await givenCompound(t, staff);
    const empty = await t.graphql(staff, FORM, { i: { compoundId, memberIds: [] } });
    expect(empty.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberIds' });
    const repeated = await t.graphql(staff, FORM, { i: { compoundId, memberIds: ['owner-a', 'owner-a'] } });
    expect(repeated.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberIds[1]' });
    const bad = await t.graphql(staff, FORM, { i: { compoundId, memberIds: ['owner a'] } });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.memberIds[0]' });
    await formGroup(t, staff, compoundId);
    const second = await t.graphql(staff, FORM, { i: { compoundId, memberIds: ['owner-b'] } });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers NOT_FOUND for an unknown compound and FORBIDDEN outside the jurisdiction', async () => {
    const unknown = await t.graphql(staff, FORM, { i: { compoundId: UNKNOWN, memberIds: ['owner-a'] } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const compoundId = await givenCompound(t, staff);
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    const forbidden = await t.graphql(outsider, FORM, { i: { compoundId, memberIds: ['owner-a'] } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await t.graphql(outsider, OWNERS_COMMITTEE, { c: compoundId });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await t.graphql(staff, OWNERS_COMMITTEE, { c: UNKNOWN });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
