import { eventsTopic } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { givenPropertyCommunity, type PropertyCommunity } from './appeal-fixtures.js';
import { startSuite, type Suite } from './suite.js';
import { ok, redeliver, storedEvents, waitUntilConsumed } from './workflow-test-kit.js';

/**
 * Workflow 1 across the real broker: residents ─AppealDispatched→ property opens a work order ─WorkOrderCompleted→
 * residents resolves the appeal, awaiting the return visit.
 */
describe('workflow 1: an appeal dispatched to a property company', () => {
  let suite: Suite;
  let ground: PropertyCommunity;
  let staff: { residents: string; property: string };
  const companyId = 'c0a80000-0000-5000-8000-00000000c001';

  const residents = () => suite.service('residents');
  const property = () => suite.service('property');
  const appealStatus = (appealId: string) => ground.appeal(appealId);
  const workOrdersOf = (appealId: string) => ground.workOrdersOf(appealId);
  const dispatchedAppeal = (location: string, company?: string) => ground.dispatchedAppeal(location, company);

  beforeAll(async () => {
    suite = await startSuite('wf_appeal_work_order', ['residents', 'property']);
    ground = await givenPropertyCommunity(suite, companyId);
    staff = { residents: ground.staff, property: ground.staff };
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  }, 60_000);

  it('opens one work order in the compound the company serves, and resolves the appeal when it is completed', async () => {
    const appealId = await dispatchedAppeal('幸福小区3号楼2单元');
    const [order] = await eventually(async () => {
      const orders = await workOrdersOf(appealId);
      return orders.length > 0 && orders;
    }, { what: 'the work order opened from the appeal', timeoutMs: 30_000 });
    expect(order).toMatchObject({ status: 'opened', category: 'repair', location: '幸福小区3号楼2单元' });
    expect(order!.summary).toContain('报修');
    // The appeal's own words stay encrypted in residents: the work order does not carry them.
    expect(order!.summary).not.toContain('楼道灯坏了');

    // The work order joins the appeal's causal chain.
    const [filed] = (await storedEvents(residents().db.pool, 'AppealFiled')).filter((e) => e.data.appealId === appealId);
    const [opened] = (await storedEvents(property().db.pool, 'WorkOrderOpened')).filter((e) => e.data.appealId === appealId);
    expect(opened!.metadata).toMatchObject({ correlationId: filed!.metadata.correlationId, actor: 'system:workflow:appeal-work-orders' });
    expect(opened!.data.appealCorrelationId).toBe(filed!.metadata.correlationId);

    await ok(property(), staff.property, `mutation ($w: ID!) { assignWorkOrder(input: { workOrderId: $w, assigneeId: "worker-7" }) { id } }`, { w: order!.id });
    await ok(property(), staff.property, `mutation ($w: ID!) { completeWorkOrder(input: { workOrderId: $w, completionNote: "已更换灯泡" }) { id } }`, { w: order!.id });
    const resolved = await eventually(async () => {
      const appeal = await appealStatus(appealId);
      return appeal.status === 'resolved' && appeal;
    }, { what: 'the appeal resolved by the completed work order', timeoutMs: 30_000 });
    expect(resolved.resolution).toBe('物业工单已办结：已更换灯泡');
    const [resolvedEvent] = (await storedEvents(residents().db.pool, 'AppealResolved')).filter((e) => e.data.appealId === appealId);
    expect(resolvedEvent!.metadata).toMatchObject({ correlationId: filed!.metadata.correlationId, actor: 'system:workflow:work-order-outcomes' });
  }, 90_000);

  it('opens nothing twice when the dispatch is delivered again', async () => {
    const appealId = await dispatchedAppeal('幸福小区5号楼');
    await eventually(async () => (await workOrdersOf(appealId)).length === 1, { what: 'the first work order', timeoutMs: 30_000 });
    const dispatched = (await storedEvents(residents().db.pool, 'AppealDispatched')).filter((e) => e.data.appealId === appealId);
    expect(dispatched).toHaveLength(1);
    // The residents relay publishing the dispatch again (a crash before its checkpoint moved), twice.
    await redeliver('residents', suite.prefix, [...dispatched, ...dispatched]);
    await waitUntilConsumed(`${suite.prefix}.cogov.property.appeal-work-orders`, eventsTopic('residents', suite.prefix));
    expect(await workOrdersOf(appealId)).toHaveLength(1);
    expect((await storedEvents(property().db.pool, 'WorkOrderOpened')).filter((e) => e.data.appealId === appealId)).toHaveLength(1);
    const { rows } = await property().db.pool.query<{ n: number }>('select count(*)::int as n from msg_inbox where consumer = $1 and event_id = $2', [
      `${suite.prefix}.cogov.property.appeal-work-orders`,
      dispatched[0]!.metadata.eventId,
    ]);
    expect(rows[0]!.n).toBe(1);
  }, 90_000);

  it('opens exactly one work order when property crashes right after the dispatch, and resolves the appeal once when residents was down at completion', async () => {
    const appealId = await dispatchedAppeal('幸福小区7号楼');
    // Killed while its workflow may be handling the dispatch: before, between or after the command and the inbox commit.
    await property().kill();
    await property().start();
    const [order] = await eventually(async () => {
      const orders = await workOrdersOf(appealId);
      return orders.length > 0 && orders;
    }, { what: 'the work order after the restart', timeoutMs: 30_000 });
    await waitUntilConsumed(`${suite.prefix}.cogov.property.appeal-work-orders`, eventsTopic('residents', suite.prefix));
    expect(await workOrdersOf(appealId)).toHaveLength(1);

    await residents().kill();
    await ok(property(), staff.property, `mutation ($w: ID!) { assignWorkOrder(input: { workOrderId: $w, assigneeId: "worker-7" }) { id } }`, { w: order!.id });
    await ok(property(), staff.property, `mutation ($w: ID!) { completeWorkOrder(input: { workOrderId: $w, completionNote: "已修复" }) { id } }`, { w: order!.id });
    await residents().start();
    await eventually(async () => (await appealStatus(appealId)).status === 'resolved', { what: 'the appeal resolved after the restart', timeoutMs: 30_000 });
    await waitUntilConsumed(`${suite.prefix}.cogov.residents.work-order-outcomes`, eventsTopic('property', suite.prefix));
    expect((await storedEvents(residents().db.pool, 'AppealResolved')).filter((e) => e.data.appealId === appealId)).toHaveLength(1);
  }, 120_000);

  it('records a dispatch to a company without a contract in the community as unroutable, opening nothing', async () => {
    const appealId = await dispatchedAppeal('和平苑1号楼', 'c0a80000-0000-5000-8000-00000000c0ff');
    const row = await eventually(async () => {
      const { rows } = await property().db.pool.query<{ outcome: string; reason: string }>('select outcome, reason from wf_appeal_work_orders where appeal_id = $1', [appealId]);
      return rows[0];
    }, { what: 'the workflow to record the dispatch', timeoutMs: 30_000 });
    expect(row).toMatchObject({ outcome: 'unroutable' });
    expect(row.reason).toContain('c0a80000-0000-5000-8000-00000000c0ff');
    expect(await workOrdersOf(appealId)).toHaveLength(0);
  }, 60_000);
});
