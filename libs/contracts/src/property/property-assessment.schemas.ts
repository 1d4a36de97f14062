import { closedObject, eventSchema, id, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleIds as ex } from './examples.js';
import { positiveCount, quarter, texts } from './shared.js';

const context = 'property';
const key = { compoundId: id, communityId: id, quarter };
const example = { compoundId: ex.compound, communityId: ex.community, quarter: '2026-Q3' };
const name = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' };
const score = { type: 'integer', minimum: 0, maximum: 100 };
const scheme = {
  ...closedObject({
    criteria: { type: 'array', minItems: 1, items: closedObject({ criterion: name, weight: positiveCount }) },
    vetoItems: { type: 'array', items: name },
    bands: closedObject({ excellent: positiveCount, good: positiveCount, pass: positiveCount }),
  }),
  description: 'The assessment scheme in force when the assessment opened: weighted criteria (weights sum to 100), veto items, bands.',
};
const defaultScheme = {
  criteria: [
    { criterion: 'cleaning', weight: 15 },
    { criterion: 'security', weight: 15 },
    { criterion: 'maintenance', weight: 20 },
    { criterion: 'greening', weight: 10 },
    { criterion: 'parking_order', weight: 10 },
    { criterion: 'fee_transparency', weight: 10 },
    { criterion: 'appeal_satisfaction', weight: 20 },
  ],
  vetoItems: ['major_safety_incident', 'mass_incident'],
  bands: { excellent: 90, good: 80, pass: 60 },
};

export const propertyServiceAssessmentOpenedV1 = eventSchema({
  context,
  eventType: 'PropertyServiceAssessmentOpened',
  schemaVersion: 1,
  description: "The quarter's assessment of the compound's property service (物业服务考核) was opened for the company serving it.",
  properties: { ...key, companyId: id, scheme, openedAt: utcDateTime },
  examples: [{ ...example, companyId: ex.company, scheme: defaultScheme, openedAt: '2026-09-25T02:00:00.000Z' }],
});

export const propertyServiceCriterionScoredV1 = eventSchema({
  context,
  eventType: 'PropertyServiceCriterionScored',
  schemaVersion: 1,
  description:
    'A criterion was scored 0–100 (a later score before conclusion corrects it). `appeal_satisfaction` is the ' +
    "quarter's satisfaction rate of property appeals, in whole percent, supplied by the appeal workflow.",
  properties: { ...key, criterion: name, score, scoredAt: utcDateTime },
  examples: [{ ...example, criterion: 'appeal_satisfaction', score: 92, scoredAt: '2026-10-01T02:00:00.000Z' }],
});

export const propertyServiceAssessmentVetoedV1 = eventSchema({
  context,
  eventType: 'PropertyServiceAssessmentVetoed',
  schemaVersion: 1,
  description: 'A veto item (一票否决) was recorded: the assessment will be rated fail whatever the score.',
  properties: { ...key, vetoItem: name, note: text, vetoedAt: utcDateTime },
  examples: [{ ...example, vetoItem: 'major_safety_incident', note: '电梯困人致伤', vetoedAt: '2026-09-28T02:00:00.000Z' }],
});

export const propertyServiceAssessmentConcludedV1 = eventSchema({
  context,
  eventType: 'PropertyServiceAssessmentConcluded',
  schemaVersion: 1,
  description:
    'The assessment was concluded: weighted score Σ score × weight in hundredths of a point (out of 100); ≥ 90 ' +
    'excellent, ≥ 80 good, ≥ 60 pass, else fail (bands as configured); any veto item → fail.',
  properties: {
    ...key,
    companyId: id,
    scores: { type: 'array', items: closedObject({ criterion: name, weight: positiveCount, score }) },
    weightedScoreHundredths: { type: 'integer', minimum: 0, maximum: 10000 },
    vetoItems: { type: 'array', items: name },
    rating: oneOf('excellent', 'good', 'pass', 'fail'),
    explanation: texts,
    concludedAt: utcDateTime,
  },
  examples: [
    {
      ...example,
      companyId: ex.company,
      scores: [
        { criterion: 'cleaning', weight: 15, score: 90 },
        { criterion: 'security', weight: 15, score: 85 },
        { criterion: 'maintenance', weight: 20, score: 80 },
        { criterion: 'greening', weight: 10, score: 90 },
        { criterion: 'parking_order', weight: 10, score: 70 },
        { criterion: 'fee_transparency', weight: 10, score: 95 },
        { criterion: 'appeal_satisfaction', weight: 20, score: 92 },
      ],
      weightedScoreHundredths: 8615,
      vetoItems: [],
      rating: 'good',
      explanation: [
        'weighted score 86.15 of 100 (cleaning 90×15%, security 85×15%, maintenance 80×20%, greening 90×10%, parking_order 70×10%, fee_transparency 95×10%, appeal_satisfaction 92×20%)',
        'bands: excellent ≥ 90, good ≥ 80, pass ≥ 60, else fail → good',
        'no veto item',
      ],
      concludedAt: '2026-10-08T02:00:00.000Z',
    },
  ],
});
