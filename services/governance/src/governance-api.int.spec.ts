import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, startServiceApp, type ServiceTestApp } from '@cogov/testing';
import { allContracts, publicContractFor } from '@cogov/contracts';
import { AppModule } from './app.module.js';
import { exportEvents } from './exports/event-export.js';
import { loadConfig } from './infrastructure/config.js';
import { COMMUNITY, OTHER_COMMUNITY, STREET, ids, record, scenario } from '../test/scenario.js';

/**
 * The governance subgraph as a caller sees it: GraphQL with jurisdiction, validation errors that name the field,
 * and the monthly report as a page in headless Chromium.
 */
describe('the governance API', () => {
  let t: ServiceTestApp;
  let browser: Browser;
  let baseUrl: string;
  let staff: string;
  let analyst: string;

  beforeAll(async () => {
    t = await startServiceApp({ hint: 'governance_api', loadConfig, module: (config) => AppModule.forRoot(config) });
    await record(t.db.pool, scenario());
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
    analyst = await t.token({ roles: ['agency_analyst'], streetIds: [STREET.id] });
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const SCORECARD = `query ($c: ID!, $asOf: String) { communityScorecard(communityId: $c, asOf: $asOf) {
    communityName scorecard { asOf residents appeals { filed overdue responseRate satisfactionRate } pairings { fundsPledgedFen } } } }`;

  it('gives community staff the scorecard of their community, now and as of a past date', async () => {
    const now = await t.graphql<{ communityScorecard: { communityName: string; scorecard: { residents: number; appeals: { filed: number; overdue: number } } } }>(staff, SCORECARD, { c: COMMUNITY });
    expect(now.errors).toBeUndefined();
    expect(now.data!.communityScorecard).toMatchObject({ communityName: '社区甲', scorecard: { residents: 3, appeals: { filed: 3, overdue: 1 } } });
    const past = await t.graphql<{ communityScorecard: { scorecard: { asOf: string; appeals: { filed: number }; pairings: { fundsPledgedFen: number } } } }>(staff, SCORECARD, {
      c: COMMUNITY,
      asOf: '2026-08-15',
    });
    expect(past.data!.communityScorecard.scorecard).toMatchObject({ asOf: '2026-08-15T15:59:59.999Z', appeals: { filed: 0 }, pairings: { fundsPledgedFen: 1_300_000 } });
  });

  it('refuses a community outside the caller’s jurisdiction, and names a malformed argument', async () => {
    const other = await t.graphql(staff, SCORECARD, { c: OTHER_COMMUNITY });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await t.graphql(staff, SCORECARD, { c: COMMUNITY, asOf: 'last tuesday' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } });
    expect(bad.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    const street = await t.graphql(staff, `{ streetScorecard(streetId: "${STREET.id}") { streetName } }`);
    expect(street.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rolls the street up for an analyst of that street', async () => {
    const { data, errors } = await t.graphql<{ streetScorecard: { streetName: string; total: { residents: number }; communities: { communityName: string }[] } }>(
      analyst,
      `{ streetScorecard(streetId: "${STREET.id}") { streetName total { residents } communities { communityName } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.streetScorecard).toEqual({ streetName: STREET.name, total: { residents: 3 }, communities: [{ communityName: '社区甲' }] });
  });

  it('follows an appeal across contexts in order', async () => {
    const { data, errors } = await t.graphql<{ caseTimeline: { entries: { context: string; event: string; summary: string }[] } }>(
      staff,
      `query ($a: ID!) { caseTimeline(appealId: $a) { correlationId entries { at context event actor summary } } }`,
      { a: ids.appeal1 },
    );
    expect(errors).toBeUndefined();
    expect(data!.caseTimeline.entries.map((e) => `${e.context}/${e.event}`)).toEqual([
      'residents/appeal-filed',
      'residents/appeal-accepted',
      'residents/appeal-dispatched',
      'property/work-order-opened',
      'property/work-order-assigned',
      'property/work-order-completed',
      'residents/appeal-resolved',
      'residents/appeal-return-visited',
    ]);
    expect(data!.caseTimeline.entries[2]!.summary).toContain('stakeholder.kind=property_company');
    expect(JSON.stringify(data)).not.toContain('$pii');
  });

  it('gives the monthly report as data', async () => {
    const { data, errors } = await t.graphql<{ monthlyReport: { basics: { unitsTakingPart: number }; shortfalls: { unitsWithoutActivity: { organisationName: string }[] } } }>(
      analyst,
      `{ monthlyReport(streetId: "${STREET.id}", month: "2026-10") { basics { unitsTakingPart } shortfalls { unitsWithoutActivity { organisationName } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.monthlyReport).toEqual({ basics: { unitsTakingPart: 1 }, shortfalls: { unitsWithoutActivity: [{ organisationName: '实验小学' }] } });
    const bad = await t.graphql(analyst, `{ monthlyReport(streetId: "${STREET.id}", month: "2026-13") { month } }`);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'month' } });
  });

  it('shows the intake consumer’s lag on /health and /metrics', async () => {
    const health = await (await fetch(`${baseUrl}/health`)).text();
    expect(health).toContain('workflows');
    expect(health).toMatch(/intake|consumers starting/);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/cogov_consumer_lag_messages\{[^}]*consumer="intake"[^}]*\} \d+/);
  });

  it('serves the monthly report as a readable page with its charts, checked in headless Chromium', async () => {
    const url = `${baseUrl}/reports/monthly?streetId=${STREET.id}&month=2026-10`;
    expect((await fetch(url)).status).toBe(401);
    const context = await browser.newContext({ extraHTTPHeaders: { authorization: `Bearer ${analyst}` }, viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('试点街道2026年10月共建情况通报');
    const headings = await page.locator('h2').allTextContents();
    expect(headings).toEqual(['一、基本情况', '二、工作亮点', '三、共建资金', '四、物业服务考评', '五、业主委员会组建', '六、存在不足']);
    const text = await page.locator('body').innerText();
    expect(text).toContain('共有 1 家驻区单位');
    expect(text).toContain('区人民医院在社区甲开展“义诊”（健康进社区），40人参与');
    expect(text).toContain('本月拨付共建资金 2,000.00 元');
    expect(text).toContain('实验小学（社区甲）');
    expect(text).toContain('社区甲甲小区（2026-Q3）');

    // Three charts, drawn: every bar laid out, lengths in proportion to their values.
    expect(await page.locator('svg[data-chart]').count()).toBe(3);
    const ratings = await page.locator('svg[data-chart="ratings"] rect.bar').evaluateAll((bars) =>
      bars.map((bar) => ({ value: Number(bar.getAttribute('data-value')), width: bar.getBoundingClientRect().width })),
    );
    expect(ratings.map((r) => r.value)).toEqual([1, 0, 0, 1]);
    expect(ratings[0]!.width).toBeGreaterThan(100);
    expect(ratings[3]!.width).toBeCloseTo(ratings[0]!.width, 0);
    expect(ratings[1]!.width).toBe(0);
    const participants = await page.locator('svg[data-chart="participants"] rect.bar').evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().width));
    expect(participants).toHaveLength(1);
    expect(participants[0]).toBeGreaterThan(100);

    const shot = path.join(mkdtempSync(path.join(tmpdir(), 'cogov-report-')), 'monthly-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  describe('exports for analysts', () => {
    const get = (path: string, token?: string) => fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const publicTypes = new Set(allContracts().filter((c) => publicContractFor(c.eventType, c.schemaVersion)).map((c) => c.cloudEventType));
    const EVENTS = `/exports/events.ndjson?streetId=${STREET.id}&from=2026-08-01&to=2026-10-31`;

    it('streams the public events of a street and a range as NDJSON, with nothing personal', async () => {
      const response = await get(EVENTS, analyst);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      const text = await response.text();
      const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; communityid: string; sequence: string; actor?: string; data: Record<string, unknown> });
      const expected = scenario().filter((e) => publicTypes.has(e.type) && e.communityid === COMMUNITY);
      expect(lines).toHaveLength(expected.length);
      expect(lines.every((l) => l.type.startsWith('cn.cogov.public.') && l.communityid === COMMUNITY && l.actor === undefined)).toBe(true);
      expect(text).not.toContain('$pii');
      const filed = lines.find((l) => l.type === 'cn.cogov.public.residents.appeal-filed.v1')!;
      expect(Object.keys(filed.data).sort()).toEqual(['appealId', 'category', 'channel', 'communityId', 'filedAt', 'gridId']);
      expect(lines.map((l) => Number(l.sequence))).toEqual([...lines.map((l) => Number(l.sequence))].sort((a, b) => a - b));
    });

    it('resumes after the last line received, and reads in batches', async () => {
      const all = (await (await get(EVENTS, analyst)).text()).trimEnd().split('\n');
      const cut = 7;
      const { sequence } = JSON.parse(all[cut - 1]!) as { sequence: string };
      const rest = (await (await get(`${EVENTS}&after=${sequence}`, analyst)).text()).trimEnd().split('\n');
      expect([...all.slice(0, cut), ...rest]).toEqual(all);
      const batched: string[] = [];
      const communities = [COMMUNITY];
      for await (const line of exportEvents(t.db.pool, { communityIds: communities, from: new Date('2026-07-31T16:00:00Z'), to: new Date('2026-10-31T15:59:59.999Z'), batchSize: 3 })) batched.push(line.trimEnd());
      expect(batched).toEqual(all);
    });

    it('answers bad ranges, other jurisdictions and missing tokens with a code, not a stream', async () => {
      const backwards = await get(`/exports/events.ndjson?streetId=${STREET.id}&from=2026-10-31&to=2026-08-01`, analyst);
      expect(backwards.status).toBe(400);
      expect(await backwards.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'to must not be before from', field: 'to' } });
      expect((await get(EVENTS, staff)).status).toBe(403);
      expect((await get(`/exports/events.ndjson?communityId=${OTHER_COMMUNITY}&from=2026-08-01&to=2026-10-31`, staff)).status).toBe(403);
      expect((await get(EVENTS)).status).toBe(401);
      const badMonth = await get(`/reports/monthly?streetId=${STREET.id}&month=2026-13`, analyst);
      expect(badMonth.status).toBe(400);
      expect(await badMonth.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'month' } });
    });

    it('gives the street scorecard and the monthly report tables as CSV', async () => {
      const scorecard = await get(`/exports/street-scorecard.csv?streetId=${STREET.id}&asOf=2026-10-31`, analyst);
      expect(scorecard.headers.get('content-type')).toContain('text/csv');
      const rows = (await scorecard.text()).trimEnd().split('\r\n').map((line) => line.split(','));
      expect(rows).toHaveLength(3);
      expect(rows[0]!.slice(0, 3)).toEqual(['community', 'residents', 'appeals_filed']);
      expect(rows[1]!.slice(0, 3)).toEqual(['社区甲', '3', '3']);
      expect(rows[2]![0]).toBe(`${STREET.name}（合计）`);
      const funds = (await (await get(`/exports/monthly-report/funds.csv?streetId=${STREET.id}&month=2026-10`, analyst)).text()).trimEnd().split('\r\n');
      expect(funds).toEqual(['organisation,pledged_fen,disbursed_fen', '区人民医院,1500000,200000', '实验小学,300000,0']);
      const shortfalls = await (await get(`/exports/monthly-report/shortfalls.csv?streetId=${STREET.id}&month=2026-10`, analyst)).text();
      expect(shortfalls).toContain('unit_without_activity,社区甲,实验小学,');
      expect((await get(`/exports/monthly-report/secrets.csv?streetId=${STREET.id}&month=2026-10`, analyst)).status).toBe(400);
    });
  });
});
