import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const FIELDS = 'id status assigneeId completionNote rejectionReason completedAt';
const OPEN = `mutation ($i: OpenWorkOrderInput!) { openWorkOrder(input: $i) { id } }`;
const ASSIGN = `mutation ($i: AssignWorkOrderInput!) { assignWorkOrder(input: $i) { id } }`;
const COMPLETE = `mutation ($i: CompleteWorkOrderInput!) { completeWorkOrder(input: $i) { ${FIELDS} } }`;
const REJECT = `mutation ($i: RejectWorkOrderCompletionInput!) { rejectWorkOrderCompletion(input: $i) { ${FIELDS} } }`;

describe('rejectWorkOrderCompletion', () => {
  let t: PropertyTestApp;
  let staff: string;
  let compoundId: string;
  const assigned = async () => {
    const opened = await t.graphql<{ openWorkOrder: { id: string } }>(staff, OPEN, { i: { compoundId, category: 'cleaning', summary: '地下车库积水未清理', location: '地下车库B区' } });
    const workOrderId = opened.data!.openWorkOrder.id;
    await t.graphql(staff, ASSIGN, { i: { workOrderId, assigneeId: 'pc-001.cleaning' } });
    return workOrderId;
  };

  beforeAll(async () => {
    t = await startPropertyApp('property_reject_completion');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY], subject: 'staff-1' });
    compoundId = await givenCompound(t, staff);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('sends a completed order back to its assignee with the reason, and takes the next completion', async () => {
    const workOrderId = await assigned();
    await t.graphql(staff, COMPLETE, { i: { workOrderId, completionNote: '已清理' } });
    const rejected = await t.graphql(staff, REJECT, { i: { workOrderId, reason: '墙角仍有积水' } });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data?.rejectWorkOrderCompletion).toMatchObject({ status: 'assigned', assigneeId: 'pc-001.cleaning', rejectionReason: '墙角仍有积水', completedAt: null });
    const again = await t.graphql(staff, COMPLETE, { i: { workOrderId, completionNote: '已疏通排水口并清理' } });
    expect(again.data?.completeWorkOrder).toMatchObject({ status: 'completed', rejectionReason: null, completionNote: '已疏通排水口并清理' });
  });

  it('refuses an order not completed (CONFLICT), a blank reason (BAD_USER_INPUT), unknown orders and outsiders', async () => {
    const workOrderId = await assigned();
    const early = await t.graphql(staff, REJECT, { i: { workOrderId, reason: '未完成' } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const blank = await t.graphql(staff, REJECT, { i: { workOrderId, reason: '' } });
    expect(blank.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const unknown = await t.graphql(staff, REJECT, { i: { workOrderId: '0190a000-0000-7000-8000-00000000dead', reason: 'x' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    expect((await t.graphql(outsider, REJECT, { i: { workOrderId, reason: 'x' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
