import { randomUUID } from 'node:crypto';
import { uuidv7, type RecordedEvent } from '@cogov/eventsourcing';
import { eventsTopic } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { givenPropertyCommunity, type PropertyCommunity } from './appeal-fixtures.js';
import { startSuite, type Suite } from './suite.js';
import { ok, redeliver, waitUntilConsumed } from './workflow-test-kit.js';

/** The quarter the visits fall in: long over, so its assessment can be concluded today. */
const QUARTER = '2026-Q3';
const ASSESSMENT_FIELDS = 'status rating weightedScoreHundredths scores { criterion score } explanation';

/**
 * A residents `AppealReturnVisited` as its relay publishes it, dated in QUARTER. The residents service stamps a
 * visit with the time it is recorded, so a visit of a past quarter can only be published, not made.
 */
function returnVisit(appealId: string, communityId: string, rating: string, visitedAt: string): RecordedEvent {
  const eventId = uuidv7();
  return {
    type: 'AppealReturnVisited',
    data: { appealId, communityId, rating, comment: '', visitedAt },
    schemaVersion: 1,
    metadata: { eventId, actor: 'user:staff-1', communityId, correlationId: randomUUID(), causationId: eventId, occurredAt: visitedAt },
    streamId: `appeal-${appealId}`,
    streamVersion: 9,
    globalPosition: '1',
    transactionId: '1',
    recordedAt: visitedAt,
  };
}

/**
 * Workflow 5 across the real broker: the return visits of the compound's property appeals (appeals that became
 * work orders through workflow 1) are tallied in property; concluding the quarter's assessment scores
 * `appeal_satisfaction` from them.
 */
describe('workflow 5: the quarterly property assessment takes the appeal satisfaction rate', () => {
  let suite: Suite;
  let ground: PropertyCommunity;
  const group = () => `${suite.prefix}.cogov.property.appeal-satisfaction`;

  beforeAll(async () => {
    suite = await startSuite('wf_assessment_satisfaction', ['residents', 'property']);
    ground = await givenPropertyCommunity(suite, 'c0a80000-0000-5000-8000-00000000c005');
  }, 120_000);
  afterAll(async () => {
    await suite?.close();
  }, 60_000);

  it('tallies each visit once, through a redelivery and a crash, and concludes with the rate as a criterion', async () => {
    const [a, b] = [await ground.dispatchedAppeal('幸福小区1号楼'), await ground.dispatchedAppeal('幸福小区2号楼')];
    for (const appealId of [a, b]) {
      await eventually(async () => (await ground.workOrdersOf(appealId)).length === 1, { what: `the work order of ${appealId}`, timeoutMs: 30_000 });
    }
    const notProperty = randomUUID();
    const visits = [
      returnVisit(a, ground.communityId, 'unsatisfied', '2026-08-03T02:00:00.000Z'),
      returnVisit(b, ground.communityId, 'satisfied', '2026-08-05T02:00:00.000Z'),
      // A reopened appeal, visited again: the second verdict counts too.
      returnVisit(a, ground.communityId, 'basically_satisfied', '2026-09-30T15:30:00.000Z'),
      // An appeal that never reached a property company: not a property appeal.
      returnVisit(notProperty, ground.communityId, 'unsatisfied', '2026-08-10T02:00:00.000Z'),
      // 2026-09-30T16:30Z is 1 October in Shanghai: the next quarter.
      returnVisit(b, ground.communityId, 'unsatisfied', '2026-09-30T16:30:00.000Z'),
    ];
    await redeliver('residents', suite.prefix, visits);
    // Property crashes while it may be tallying them, then comes back.
    await suite.service('property').kill();
    await suite.service('property').start();
    await waitUntilConsumed(group(), eventsTopic('residents', suite.prefix));
    // The relay publishing the first two again.
    await redeliver('residents', suite.prefix, visits.slice(0, 2));
    await waitUntilConsumed(group(), eventsTopic('residents', suite.prefix));

    const { rows } = await suite
      .service('property')
      .db.pool.query<{ quarter: string; rating: string; n: number }>(
        'select quarter, rating, count(*)::int as n from wf_appeal_satisfaction group by quarter, rating order by quarter, rating',
      );
    expect(rows).toEqual([
      { quarter: '2026-Q3', rating: 'basically_satisfied', n: 1 },
      { quarter: '2026-Q3', rating: 'satisfied', n: 1 },
      { quarter: '2026-Q3', rating: 'unsatisfied', n: 1 },
      { quarter: '2026-Q4', rating: 'unsatisfied', n: 1 },
    ]);

    const property = suite.service('property');
    const i = { compoundId: ground.compoundId, quarter: QUARTER };
    await ok(property, ground.staff, `mutation ($i: OpenPropertyServiceAssessmentInput!) { openPropertyServiceAssessment(input: $i) { status } }`, { i });
    for (const [criterion, score] of Object.entries({ cleaning: 90, security: 90, maintenance: 90, greening: 90, parking_order: 90, fee_transparency: 90, appeal_satisfaction: 100 })) {
      await ok(property, ground.staff, `mutation ($i: ScorePropertyServiceCriterionInput!) { scorePropertyServiceCriterion(input: $i) { status } }`, { i: { ...i, criterion, score } });
    }
    const { concludePropertyServiceAssessment: concluded } = await ok<{
      concludePropertyServiceAssessment: { status: string; rating: string; weightedScoreHundredths: number; scores: { criterion: string; score: number }[]; explanation: string[] };
    }>(property, ground.staff, `mutation ($i: ConcludePropertyServiceAssessmentInput!) { concludePropertyServiceAssessment(input: $i) { ${ASSESSMENT_FIELDS} } }`, { i });
    // 2 of 3 visits satisfied or basically satisfied: 67 %, superseding the assessor's 100.
    expect(concluded.scores).toContainEqual({ criterion: 'appeal_satisfaction', score: 67 });
    expect(concluded.weightedScoreHundredths).toBe(90 * 80 + 67 * 20);
    expect(concluded.rating).toBe('good');
    expect(concluded.explanation).toContainEqual(expect.stringContaining('appeal_satisfaction 67 from 3 return visits'));
  }, 150_000);
});
