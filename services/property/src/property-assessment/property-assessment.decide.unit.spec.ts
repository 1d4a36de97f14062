import { deciderSpecification, contractChecked } from '@cogov/testing';
import { AlreadyExistsError, InvalidStateError, NotFoundError, ValidationError } from '@cogov/domain';
import { createAssessmentScheme } from './assessment-scheme.js';
import { createPropertyAssessmentDecider, type PropertyAssessmentCommand } from './property-assessment.decide.js';
import type {
  PropertyAssessmentEvent,
  PropertyServiceAssessmentOpened,
  PropertyServiceAssessmentVetoed,
  PropertyServiceCriterionScored,
} from './property-assessment.events.js';

const scheme = createAssessmentScheme({
  criteria: [
    { criterion: 'service', weight: 60 },
    { criterion: 'appeal_satisfaction', weight: 40 },
  ],
});
const spec = deciderSpecification(contractChecked(createPropertyAssessmentDecider(scheme)));
const field = (name: string) => (error: Error) => expect((error as ValidationError).field).toBe(name);
// 2026-09-30 in Shanghai starts at 2026-09-29T16:00Z.
const IN_QUARTER = '2026-08-15T02:00:00.000Z';
const LAST_DAY = '2026-09-29T16:00:00.000Z';
const key = { compoundId: 'cp-1', communityId: 'c-1', quarter: '2026-Q3' };
const command = <C extends PropertyAssessmentCommand>(type: C['type'], data: object, now = IN_QUARTER): C =>
  ({ type, data: { compoundId: 'cp-1', quarter: '2026-Q3', ...data }, metadata: { now, actor: 'user-staff-1' } }) as C;

const opened: PropertyServiceAssessmentOpened = {
  type: 'PropertyServiceAssessmentOpened',
  data: { ...key, companyId: 'pc-1', scheme, openedAt: IN_QUARTER },
};
const scored = (criterion: string, score: number): PropertyServiceCriterionScored => ({
  type: 'PropertyServiceCriterionScored',
  data: { ...key, criterion, score, scoredAt: IN_QUARTER },
});
const vetoed: PropertyServiceAssessmentVetoed = {
  type: 'PropertyServiceAssessmentVetoed',
  data: { ...key, vetoItem: 'major_safety_incident', note: '电梯困人致伤', vetoedAt: IN_QUARTER },
};
const all: PropertyAssessmentEvent[] = [opened, scored('service', 90), scored('appeal_satisfaction', 89)];

const open = (now = IN_QUARTER, companyId = 'pc-1') =>
  command('OpenPropertyServiceAssessment', { communityId: 'c-1', companyId }, now);
const score = (criterion: string, value: number) => command('ScorePropertyServiceCriterion', { criterion, score: value });
const veto = (vetoItem = 'major_safety_incident') => command('VetoPropertyServiceAssessment', { vetoItem, note: '电梯困人致伤' });
const conclude = (now = LAST_DAY) => command('ConcludePropertyServiceAssessment', {}, now);

describe('property assessment decider', () => {
  describe('OpenPropertyServiceAssessment (quiet when opened again for the same company)', () => {
    it('emits PropertyServiceAssessmentOpened with the scheme in force', () => {
      spec.given([]).when(open()).then([opened]);
    });
    it('rejects a quarter not yet begun in Shanghai, a malformed quarter, or another company', () => {
      spec.given([]).when(open('2026-06-30T15:59:59.999Z')).thenThrows(InvalidStateError);
      spec.given([]).when(command('OpenPropertyServiceAssessment', { quarter: '2026-3', communityId: 'c-1', companyId: 'pc-1' })).thenThrows(ValidationError, field('quarter'));
      spec.given([opened]).when(open(IN_QUARTER, 'pc-2')).thenThrows(AlreadyExistsError);
    });
    it('emits on the first Shanghai day of the quarter (still June in UTC)', () => {
      spec.given([]).when(open('2026-06-30T16:00:00.000Z')).then([{ ...opened, data: { ...opened.data, openedAt: '2026-06-30T16:00:00.000Z' } }]);
    });
    it('stays quiet when opened again', () => {
      spec.given([opened]).when(open()).thenNothing();
    });
  });

  describe('ScorePropertyServiceCriterion (quiet for the score it has; a new score corrects)', () => {
    it('emits PropertyServiceCriterionScored, e.g. the satisfaction rate from the appeal workflow', () => {
      spec.given([opened]).when(score('appeal_satisfaction', 89)).then([scored('appeal_satisfaction', 89)]);
      spec.given([opened, scored('service', 80)]).when(score('service', 85)).then([scored('service', 85)]);
    });
    it('rejects an unknown criterion, a score out of 0–100 or a fraction, or a concluded assessment', () => {
      spec.given([opened]).when(score('greening', 80)).thenThrows(ValidationError, field('criterion'));
      spec.given([opened]).when(score('service', 101)).thenThrows(ValidationError, field('score'));
      spec.given([opened]).when(score('service', 85.5)).thenThrows(ValidationError, field('score'));
      spec.given([]).when(score('service', 80)).thenThrows(NotFoundError);
    });
    it('stays quiet for the same score', () => {
      spec.given([opened, scored('service', 80)]).when(score('service', 80)).thenNothing();
    });
  });

  describe('VetoPropertyServiceAssessment (quiet when the item is already recorded)', () => {
    it('emits PropertyServiceAssessmentVetoed', () => {
      spec.given([opened]).when(veto()).then([vetoed]);
    });
    it('rejects an unknown veto item', () => {
      spec.given([opened]).when(veto('late_fees')).thenThrows(ValidationError, field('vetoItem'));
    });
    it('stays quiet when recorded again', () => {
      spec.given([opened, vetoed]).when(veto()).thenNothing();
    });
  });

  describe('ConcludePropertyServiceAssessment (never quiet: concluding twice rejects)', () => {
    const concluded = (rating: string, vetoItems: string[]) => ({
      type: 'PropertyServiceAssessmentConcluded' as const,
      data: {
        ...key,
        companyId: 'pc-1',
        scores: [
          { criterion: 'service', weight: 60, score: 90 },
          { criterion: 'appeal_satisfaction', weight: 40, score: 89 },
        ],
        weightedScoreHundredths: 8960,
        vetoItems,
        rating: rating as 'good',
        explanation: [
          'weighted score 89.60 of 100 (service 90×60%, appeal_satisfaction 89×40%)',
          'bands: excellent ≥ 90, good ≥ 80, pass ≥ 60, else fail → good',
          vetoItems.length ? `veto: ${vetoItems.join(', ')} → fail` : 'no veto item',
          'appeal_satisfaction as scored by the assessor (no return visit of a property appeal in 2026-Q3)',
        ],
        concludedAt: LAST_DAY,
      },
    });
    it('emits PropertyServiceAssessmentConcluded: 89.60 points is good, not excellent', () => {
      spec.given(all).when(conclude()).then([concluded('good', [])]);
    });
    it('emits fail on a veto item', () => {
      spec.given([...all, vetoed]).when(conclude()).then([concluded('fail', ['major_safety_incident'])]);
    });
    it('rejects unscored criteria or a quarter not yet at its last Shanghai day', () => {
      spec.given([opened, scored('service', 90)]).when(conclude()).thenThrows(InvalidStateError);
      spec.given(all).when(conclude('2026-09-29T15:59:59.999Z')).thenThrows(InvalidStateError);
    });
    it('rejects concluding twice (second rejection: conclusion is a lifecycle move)', () => {
      spec.given([...all, concluded('good', [])]).when(conclude()).thenThrows(InvalidStateError);
    });
    it('scores appeal_satisfaction from the return visits the workflow tallied, superseding the assessor (7 of 8 → 88 %)', () => {
      const tally = { visits: 8, satisfied: 5, basicallySatisfied: 2 };
      const base = concluded('good', []);
      spec
        .given(all)
        .when(command('ConcludePropertyServiceAssessment', { appealSatisfaction: tally }, LAST_DAY))
        .then([
          { ...scored('appeal_satisfaction', 88), data: { ...scored('appeal_satisfaction', 88).data, scoredAt: LAST_DAY } },
          {
            ...base,
            data: {
              ...base.data,
              scores: [
                { criterion: 'service', weight: 60, score: 90 },
                { criterion: 'appeal_satisfaction', weight: 40, score: 88 },
              ],
              weightedScoreHundredths: 8920,
              explanation: [
                'weighted score 89.20 of 100 (service 90×60%, appeal_satisfaction 88×40%)',
                'bands: excellent ≥ 90, good ≥ 80, pass ≥ 60, else fail → good',
                'no veto item',
                "appeal_satisfaction 88 from 8 return visits of the compound's property appeals in 2026-Q3: 5 satisfied + 2 basically satisfied",
              ],
            },
          },
        ]);
    });
    it('lets the tally stand in for an unscored appeal_satisfaction, and rejects a tally counting more than its visits', () => {
      spec.given([opened, scored('service', 90)]).when(command('ConcludePropertyServiceAssessment', { appealSatisfaction: { visits: 2, satisfied: 1, basicallySatisfied: 0 } }, LAST_DAY)).then([
        { ...scored('appeal_satisfaction', 50), data: { ...scored('appeal_satisfaction', 50).data, scoredAt: LAST_DAY } },
        expect.objectContaining({ type: 'PropertyServiceAssessmentConcluded' }),
      ]);
      spec
        .given(all)
        .when(command('ConcludePropertyServiceAssessment', { appealSatisfaction: { visits: 2, satisfied: 2, basicallySatisfied: 1 } }, LAST_DAY))
        .thenThrows(ValidationError, field('appealSatisfaction'));
    });
  });
});
