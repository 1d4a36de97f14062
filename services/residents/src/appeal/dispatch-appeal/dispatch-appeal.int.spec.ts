import { errorOf, startCommandTestBed, UNKNOWN_ID, type CommandTestBed } from '../../../test/residents-fixtures.js';

const DISPATCH = `mutation ($a: ID!, $k: String!) { dispatchAppeal(input: { appealId: $a, stakeholder: { kind: $k, id: "pm-001" } }) { id status stakeholder { kind id } tier deadline overdue escalated } }`;

describe('dispatchAppeal', () => {
  let b: CommandTestBed;
  beforeAll(async () => {
    b = await startCommandTestBed('dispatch_appeal');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('dispatches an accepted appeal with the deadline of its category tier', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'accepted');
    const before = Date.now();
    const data = await b.ok<{ dispatchAppeal: { deadline: string } }>(b.staff, DISPATCH, { a: appeal, k: 'property_company' });
    expect(data.dispatchAppeal).toMatchObject({ status: 'dispatched', stakeholder: { kind: 'property_company', id: 'pm-001' }, tier: 'utilities', overdue: false, escalated: false });
    const hours = (Date.parse(data.dispatchAppeal.deadline) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24.1);
  });

  it('rejects an unknown stakeholder kind as BAD_USER_INPUT on input.stakeholder.kind', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'accepted');
    expect(errorOf(await b.t.graphql(b.staff, DISPATCH, { a: appeal, k: 'plumber' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stakeholder.kind' });
  });

  it('answers NOT_FOUND for an unknown appeal', async () => {
    expect(errorOf(await b.t.graphql(b.staff, DISPATCH, { a: UNKNOWN_ID, k: 'property_company' })).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT (INVALID_STATE) for an appeal not yet accepted', async () => {
    const appeal = await b.fileAppeal();
    expect(errorOf(await b.t.graphql(b.staff, DISPATCH, { a: appeal, k: 'property_company' }))).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('answers FORBIDDEN to staff of another community', async () => {
    const appeal = await b.fileAppeal();
    await b.advanceAppeal(appeal, 'accepted');
    expect(errorOf(await b.t.graphql(b.outsider, DISPATCH, { a: appeal, k: 'property_company' })).code).toBe('FORBIDDEN');
  });
});
