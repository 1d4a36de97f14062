import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const FIELDS = 'id compoundId communityId category summary status assigneeId completionNote verifiedBy verificationNote appealId';
const OPEN = `mutation ($i: OpenWorkOrderInput!) { openWorkOrder(input: $i) { ${FIELDS} } }`;
const ASSIGN = `mutation ($i: AssignWorkOrderInput!) { assignWorkOrder(input: $i) { ${FIELDS} } }`;
const COMPLETE = `mutation ($i: CompleteWorkOrderInput!) { completeWorkOrder(input: $i) { ${FIELDS} } }`;
const VERIFY = `mutation ($i: VerifyWorkOrderInput!) { verifyWorkOrder(input: $i) { ${FIELDS} } }`;
const UNKNOWN = '0190a000-0000-7000-8000-00000000dead';

describe('work order mutations and queries', () => {
  let t: PropertyTestApp;
  let staff: string;
  let compoundId: string;
  const open = async (extra: Record<string, unknown> = {}) => {
    const res = await t.graphql<{ openWorkOrder: { id: string } }>(staff, OPEN, {
      i: { compoundId, category: 'repair', summary: '3号楼电梯异响', location: '3号楼', ...extra },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.openWorkOrder.id;
  };

  beforeAll(async () => {
    t = await startPropertyApp('property_work_order');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY], subject: 'staff-1' });
    compoundId = await givenCompound(t, staff);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  describe('openWorkOrder', () => {
    it('opens a work order in the compound’s community, linked to an appeal when given', async () => {
      const appealId = '0190a000-0000-7000-8000-0000000000a1';
      const res = await t.graphql(staff, OPEN, {
        i: { compoundId, category: 'safety', summary: '消防通道堵塞', location: '2号楼北侧', appealId, appealCorrelationId: '0190a000-0000-7000-8000-0000000000a2' },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.openWorkOrder).toMatchObject({ compoundId, communityId: COMMUNITY, category: 'safety', status: 'opened', appealId });
    });

    it('names the bad field (BAD_USER_INPUT), and answers NOT_FOUND for an unknown compound', async () => {
      const category = await t.graphql(staff, OPEN, { i: { compoundId, category: 'gardening', summary: 'x', location: 'y' } });
      expect(category.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.category' });
      const half = await t.graphql(staff, OPEN, { i: { compoundId, category: 'repair', summary: 'x', location: 'y', appealId: UNKNOWN } });
      expect(half.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.appealCorrelationId' });
      const unknown = await t.graphql(staff, OPEN, { i: { compoundId: UNKNOWN, category: 'repair', summary: 'x', location: 'y' } });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses staff of another community (FORBIDDEN)', async () => {
      const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
      const res = await t.graphql(outsider, OPEN, { i: { compoundId, category: 'repair', summary: 'x', location: 'y' } });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('assignWorkOrder, completeWorkOrder, verifyWorkOrder', () => {
    it('takes an order through assignment, completion and verification by the caller', async () => {
      const workOrderId = await open();
      const assigned = await t.graphql(staff, ASSIGN, { i: { workOrderId, assigneeId: 'pc-001.team-2' } });
      expect(assigned.data?.assignWorkOrder).toMatchObject({ status: 'assigned', assigneeId: 'pc-001.team-2' });
      const completed = await t.graphql(staff, COMPLETE, { i: { workOrderId, completionNote: '已更换曳引机轴承' } });
      expect(completed.data?.completeWorkOrder).toMatchObject({ status: 'completed', completionNote: '已更换曳引机轴承' });
      const verified = await t.graphql(staff, VERIFY, { i: { workOrderId, note: '业主确认无异响' } });
      expect(verified.errors).toBeUndefined();
      expect(verified.data?.verifyWorkOrder).toMatchObject({ status: 'verified', verifiedBy: 'staff-1', verificationNote: '业主确认无异响' });
    });

    it('names bad fields (BAD_USER_INPUT)', async () => {
      const workOrderId = await open();
      const assignee = await t.graphql(staff, ASSIGN, { i: { workOrderId, assigneeId: 'team 2' } });
      expect(assignee.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.assigneeId' });
      const note = await t.graphql(staff, COMPLETE, { i: { workOrderId, completionNote: '   ' } });
      expect(note.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.completionNote' });
      const id = await t.graphql(staff, VERIFY, { i: { workOrderId: 'not-a-uuid' } });
      expect(id.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.workOrderId' });
    });

    it('refuses moves in the wrong state (CONFLICT), unknown orders (NOT_FOUND) and outsiders (FORBIDDEN)', async () => {
      const workOrderId = await open();
      const early = await t.graphql(staff, COMPLETE, { i: { workOrderId, completionNote: '完成' } });
      expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
      const unverifiable = await t.graphql(staff, VERIFY, { i: { workOrderId } });
      expect(unverifiable.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      const unknown = await t.graphql(staff, ASSIGN, { i: { workOrderId: UNKNOWN, assigneeId: 'a' } });
      expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
      const forbidden = await t.graphql(outsider, ASSIGN, { i: { workOrderId, assigneeId: 'a' } });
      expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('workOrder and workOrders queries', () => {
    it('reads one order and the compound’s orders by status', async () => {
      const workOrderId = await open({ category: 'cleaning', summary: '垃圾站清运' });
      const one = await t.graphql<{ workOrder: { id: string } }>(staff, `query ($id: ID!) { workOrder(id: $id) { id category status } }`, { id: workOrderId });
      expect(one.data?.workOrder).toEqual({ id: workOrderId, category: 'cleaning', status: 'opened' });
      const list = await t.graphql<{ workOrders: { id: string; status: string }[] }>(
        staff,
        `query ($c: ID!, $s: String) { workOrders(compoundId: $c, status: $s) { id status } }`,
        { c: compoundId, s: 'opened' },
      );
      expect(list.data?.workOrders.map((w) => w.id)).toContain(workOrderId);
      expect(new Set(list.data?.workOrders.map((w) => w.status))).toEqual(new Set(['opened']));
      const bad = await t.graphql(staff, `query ($c: ID!) { workOrders(compoundId: $c, status: "lost") { id } }`, { c: compoundId });
      expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'status' });
      const missing = await t.graphql(staff, `query ($id: ID!) { workOrder(id: $id) { id } }`, { id: UNKNOWN });
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
