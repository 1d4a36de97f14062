import { ValidationError } from '@cogov/domain';
import { createAssessmentScheme, defaultAssessmentScheme, rate, requireQuarter } from './assessment-scheme.js';

const scheme = createAssessmentScheme({
  criteria: [
    { criterion: 'service', weight: 60 },
    { criterion: 'appeal_satisfaction', weight: 40 },
  ],
});
const rated = (service: number, satisfaction: number, vetoes: string[] = []) =>
  rate(scheme, { service, appeal_satisfaction: satisfaction }, vetoes);

describe('assessment rule', () => {
  it('rates by the weighted score at the band boundaries exactly', () => {
    expect(rated(90, 90).rating).toBe('excellent'); // 9000
    expect(rated(90, 89)).toMatchObject({ weightedScoreHundredths: 8960, rating: 'good' });
    expect(rated(80, 80).rating).toBe('good');
    expect(rated(80, 79).rating).toBe('pass'); // 7960
    expect(rated(60, 60).rating).toBe('pass');
    expect(rated(60, 59).rating).toBe('fail'); // 5960
    expect(rated(100, 100).weightedScoreHundredths).toBe(10000);
  });
  it('fails on any veto item whatever the score', () => {
    const result = rated(100, 100, ['major_safety_incident']);
    expect(result.rating).toBe('fail');
    expect(result.explanation).toEqual([
      'weighted score 100.00 of 100 (service 100×60%, appeal_satisfaction 100×40%)',
      'bands: excellent ≥ 90, good ≥ 80, pass ≥ 60, else fail → excellent',
      'veto: major_safety_incident → fail',
    ]);
  });
  it('has default weights summing to 100', () => {
    expect(defaultAssessmentScheme.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(defaultAssessmentScheme.criteria.map((c) => c.criterion)).toContain('appeal_satisfaction');
  });
  it('rejects a bad configuration at start-up', () => {
    expect(() => createAssessmentScheme({ criteria: [{ criterion: 'a', weight: 99 }] })).toThrow(RangeError);
    expect(() => createAssessmentScheme({ criteria: [{ criterion: 'a', weight: 50 }, { criterion: 'a', weight: 50 }] })).toThrow(RangeError);
    expect(() => createAssessmentScheme({ bands: { excellent: 80, good: 80, pass: 60 } })).toThrow(RangeError);
    expect(() => createAssessmentScheme({ vetoItems: ['Bad Item'] })).toThrow(RangeError);
  });
});

describe('quarters (Asia/Shanghai calendar)', () => {
  it('gives the first and last day of each quarter', () => {
    expect(requireQuarter('2026-Q1', 'quarter')).toEqual({ quarter: '2026-Q1', firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(requireQuarter('2028-Q1', 'quarter').lastDay).toBe('2028-03-31');
    expect(requireQuarter('2026-Q3', 'quarter')).toEqual({ quarter: '2026-Q3', firstDay: '2026-07-01', lastDay: '2026-09-30' });
    expect(requireQuarter('2026-Q4', 'quarter').lastDay).toBe('2026-12-31');
  });
  it('names the field of a malformed quarter', () => {
    expect(() => requireQuarter('2026-Q5', 'quarter')).toThrow(ValidationError);
    expect(() => requireQuarter('2026Q1', 'quarter')).toThrow(ValidationError);
  });
});
