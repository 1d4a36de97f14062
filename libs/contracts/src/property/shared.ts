import { closedObject, id, type JsonSchema } from '../json-schema.js';

/** Shared building blocks of the property schemas. */

export const count: JsonSchema = { type: 'integer', minimum: 0 };
export const positiveCount: JsonSchema = { type: 'integer', minimum: 1 };
export const ids: JsonSchema = { type: 'array', items: id, uniqueItems: true };
export const texts: JsonSchema = { type: 'array', items: { type: 'string' } };
/** `YYYY-Qn`, an Asia/Shanghai calendar quarter. */
export const quarter: JsonSchema = { type: 'string', pattern: '^[0-9]{4}-Q[1-4]$' };

export const areaHundredthM2: JsonSchema = {
  type: 'integer',
  minimum: 0,
  description: 'Floor area in integer hundredths of a square metre (0.01 m²); 12345 is 123.45 m².',
};

export const weight: JsonSchema = {
  ...closedObject({ areaHundredthM2, owners: count, units: count }),
  description: 'Exclusive area, headcount (by the headcount rule) and number of units of a set of units.',
};

export const threshold: JsonSchema = {
  ...closedObject({ numerator: positiveCount, denominator: positiveCount, inclusive: { type: 'boolean' } }),
  description: 'A fraction: met at ≥ numerator/denominator when inclusive (以上), strictly above it otherwise (过半数).',
};

export const voteRule: JsonSchema = {
  ...closedObject({
    participation: threshold,
    ordinary: threshold,
    special: threshold,
    headcount: { type: 'string', enum: ['per_owner', 'per_unit'] },
  }),
  description:
    "The owners' assembly rule in force when the assembly was convened (Civil Code art. 278 by default: 2/3 " +
    'participation, > 1/2 ordinary, ≥ 3/4 special, one owner counted once however many units).',
};

export const thresholdTest: JsonSchema = {
  ...closedObject({
    part: weight,
    whole: weight,
    threshold,
    areaMet: { type: 'boolean' },
    ownersMet: { type: 'boolean' },
    met: { type: 'boolean' },
  }),
  description: 'part/whole against the threshold, by area and by headcount, compared exactly in integers; met = both.',
};
