import { allContracts, validateEventData, type EventContract } from '../registry.js';
import { propertySchemas } from './index.js';

const contracts = allContracts().filter((c) => c.context === 'property');
const examplesOf = (c: EventContract) => c.schema['examples'] as Record<string, unknown>[];
const first = (c: EventContract) => structuredClone(examplesOf(c)[0]!);

describe('property contracts', () => {
  it('publishes one compiled contract per event type', () => {
    expect(contracts.map((c) => c.eventType).sort()).toEqual(Object.keys(propertySchemas).sort());
  });

  it.each(contracts.map((c) => [c.eventType, c] as const))('%s v1 is closed, fully required, described, with communityId', (_, c) => {
    expect(c.schema['$id']).toBe(`https://cogov.cn/schemas/property/${c.cloudEventType.split('.')[3]}.v1.json`);
    expect(c.schema['additionalProperties']).toBe(false);
    expect(c.schema['required']).toEqual(Object.keys(c.schema['properties'] as object));
    expect(String(c.schema['description'])).not.toBe('');
    expect(c.schema['required']).toContain('communityId');
    expect(c.personalFields).toEqual([]);
  });

  it.each(contracts.flatMap((c) => examplesOf(c).map((e, i) => [`${c.eventType} #${i}`, c, e] as const)))(
    'accepts the documented example %s',
    (_, c, example) => {
      expect(validateEventData(c.eventType, 1, example)).toEqual({ valid: true, errors: [] });
    },
  );

  it.each(contracts.map((c) => [c.eventType, c] as const))('%s: each missing field is named, an extra one refused', (_, c) => {
    for (const field of Object.keys(first(c))) {
      const data = first(c);
      delete data[field];
      expect(validateEventData(c.eventType, 1, data).errors).toContain(`/ must have required property '${field}'`);
    }
    expect(validateEventData(c.eventType, 1, { ...first(c), ownerName: '张三' }).valid).toBe(false);
  });

  it('refuses float areas and scores', () => {
    const roll = first(contracts.find((c) => c.eventType === 'OwnersAssemblyRollEntryRecorded')!);
    expect(validateEventData('OwnersAssemblyRollEntryRecorded', 1, { ...roll, areaHundredthM2: 89.32 }).errors).toEqual([
      '/areaHundredthM2 must be integer',
    ]);
    const scored = first(contracts.find((c) => c.eventType === 'PropertyServiceCriterionScored')!);
    expect(validateEventData('PropertyServiceCriterionScored', 1, { ...scored, score: 101 }).valid).toBe(false);
    expect(validateEventData('PropertyServiceCriterionScored', 1, { ...scored, quarter: '2026-Q5' }).valid).toBe(false);
  });
});
