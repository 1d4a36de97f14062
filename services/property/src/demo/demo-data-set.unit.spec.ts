import { DAY_MS, DEMO_COMMUNITIES, DEMO_PROPERTY_COMPANIES, demoId, shanghaiDate } from '@cogov/service-kit';
import { civilCodeArt278Rule, countElection, type RollEntry } from '../owners-assembly/assembly-vote.js';
import { defaultAssessmentScheme, rate } from '../property-assessment/assessment-scheme.js';
import { FULL_SCALE, demoCompounds, demoPlan, lastCompleteQuarters, type DemoCommand, type DemoScript } from './demo-data-set.js';

const NOW = new Date('2026-11-21T06:00:00.000Z');
const plan = demoPlan(FULL_SCALE, NOW);
const commands = (scripts: DemoScript[]) => scripts.flatMap((s) => s.steps.map((step) => step.command));
const ofType = <T extends DemoCommand['type']>(scripts: DemoScript[], type: T) =>
  commands(scripts).filter((c): c is Extract<DemoCommand, { type: T }> => c.type === type);

describe('property demo plan', () => {
  it('is the same plan for the same now', () => {
    expect(demoPlan(FULL_SCALE, NOW)).toEqual(plan);
  });

  it('registers one compound per name of each community, served by the community’s company for a year or more', () => {
    const registered = ofType(plan.compounds, 'RegisterCompound');
    expect(registered.map((c) => c.data.compoundId)).toEqual(DEMO_COMMUNITIES.flatMap((c) => c.compounds.map((name) => demoId('compound', `${c.key}:${name}`))));
    const yearAgo = shanghaiDate(new Date(NOW.getTime() - 365 * DAY_MS));
    for (const community of DEMO_COMMUNITIES) {
      const signed = plan.compounds
        .filter((s) => ofType([s], 'RegisterCompound')[0]!.data.communityId === community.id)
        .map((s) => ofType([s], 'SignPropertyServiceContract').at(-1)!.data);
      expect(signed).toHaveLength(community.compounds.length);
      for (const contract of signed) {
        expect(contract).toMatchObject({ companyId: DEMO_PROPERTY_COMPANIES[community.key]!.id, unifiedSocialCreditCode: DEMO_PROPERTY_COMPANIES[community.key]!.creditCode });
        expect(contract.startsOn <= yearAgo).toBe(true);
        expect(contract.endsOn > shanghaiDate(NOW)).toBe(true);
      }
    }
    expect(ofType(plan.compounds, 'EndPropertyServiceContract')).toHaveLength(1);
    expect(ofType(plan.compounds, 'MarkRedProperty').length).toBeGreaterThan(0);
  });

  it('keeps every stream in time order and in the past', () => {
    const all = [...plan.compounds, ...plan.workOrders, ...plan.assessments, ...plan.elections, ...plan.committees];
    for (const script of all) {
      expect(script.steps.length).toBeGreaterThan(0);
      script.steps.forEach((step, i) => {
        expect(step.at.getTime()).toBeLessThan(NOW.getTime());
        if (i > 0) expect(step.at.getTime()).toBeGreaterThanOrEqual(script.steps[i - 1]!.at.getTime());
      });
    }
    expect(new Set(all.map((s) => s.streamId)).size).toBe(all.length);
  });

  it('opens work orders of every category directly, in every state', () => {
    const opened = ofType(plan.workOrders, 'OpenWorkOrder');
    expect(new Set(opened.map((c) => c.data.category))).toEqual(new Set(['repair', 'cleaning', 'parking', 'safety']));
    expect(opened.every((c) => c.data.appealId === null)).toBe(true);
    const last = new Set(plan.workOrders.map((s) => s.steps.at(-1)!.command.type));
    expect([...last]).toEqual(expect.arrayContaining(['OpenWorkOrder', 'AssignWorkOrder', 'CompleteWorkOrder', 'VerifyWorkOrder']));
    expect(ofType(plan.workOrders, 'RejectWorkOrderCompletion').length).toBeGreaterThan(0);
    const earliest = Math.min(...plan.workOrders.map((s) => s.steps[0]!.at.getTime()));
    expect(earliest).toBeLessThan(NOW.getTime() - 150 * DAY_MS);
  });

  it('concludes the last two complete quarters, with a rating from every band including fail', () => {
    expect(lastCompleteQuarters(NOW)).toEqual(['2026-Q2', '2026-Q3']);
    expect(lastCompleteQuarters(new Date('2026-01-01T03:00:00.000Z'))).toEqual(['2025-Q3', '2025-Q4']);
    const ratings = plan.assessments.map((script) => {
      expect(script.steps.at(-1)!.command.type).toBe('ConcludePropertyServiceAssessment');
      const scores = Object.fromEntries(ofType([script], 'ScorePropertyServiceCriterion').map((c) => [c.data.criterion, c.data.score]));
      return rate(defaultAssessmentScheme, scores, []).rating;
    });
    expect(ratings).toHaveLength(2 * DEMO_COMMUNITIES.reduce((n, c) => n + c.compounds.length, 0));
    expect(new Set(ratings)).toEqual(new Set(['excellent', 'good', 'pass', 'fail']));
  });

  it('elects and files committees by the art. 278 count, after one election fails the 2/3 turnout', () => {
    const outcomes = plan.elections.map((script) => {
      const roll: RollEntry[] = ofType([script], 'RecordOwnerOnRoll').map(({ data: { unitId, ownerId, areaHundredthM2 } }) => ({ unitId, ownerId, areaHundredthM2 }));
      const ballots = new Map(ofType([script], 'CastElectionBallot').map((c) => [c.data.unitId, c.data.approvedCandidateIds]));
      const candidates = ofType([script], 'NominateCommitteeCandidate').map((c) => c.data.candidateId);
      const { seats } = ofType([script], 'ConveneCommitteeElection')[0]!.data;
      return countElection(roll, ballots, candidates, seats, civilCodeArt278Rule).outcome;
    });
    expect(outcomes).toEqual(['invalid_turnout', 'elected', 'elected']);
    expect(ofType(plan.committees, 'FileOwnersCommittee')).toHaveLength(2);
    expect(plan.preparatoryGroups).toHaveLength(3);
    const recorded = ofType(plan.committees, 'RecordCommitteeElection').map((c) => c.data.assemblyId);
    const conveners = ofType(plan.elections, 'ConveneCommitteeElection').map((c) => c.data.assemblyId);
    expect(recorded).toEqual([conveners[1], conveners[2]]);
  });

  it('puts every unit of a compound on its election roll, some owners holding two', () => {
    const compound = demoCompounds(DEMO_COMMUNITIES[0]!).find((c) => c.name === '光明里')!;
    const roll = ofType(plan.elections.slice(0, 1), 'RecordOwnerOnRoll');
    expect(roll).toHaveLength(compound.units.length);
    expect(new Set(compound.units.map((u) => u.ownerId)).size).toBeLessThan(compound.units.length);
  });
});
