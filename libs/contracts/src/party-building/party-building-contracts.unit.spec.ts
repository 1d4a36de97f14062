import { allContracts, personalFieldsOf, validateEventData, type EventContract } from '../registry.js';
import { partyBuildingSchemas } from './index.js';

const contracts = allContracts().filter((c) => c.context === 'party-building');
const examplesOf = (c: EventContract) => c.schema['examples'] as Record<string, unknown>[];
const first = (c: EventContract) => structuredClone(examplesOf(c)[0]!);

describe('party-building contracts', () => {
  it('publishes one compiled contract per event type', () => {
    expect(contracts.map((c) => c.eventType).sort()).toEqual(Object.keys(partyBuildingSchemas).sort());
  });

  it.each(contracts.map((c) => [c.eventType, c] as const))('%s v1 is closed, fully required, described, with communityId', (_, c) => {
    expect(c.schema['$id']).toBe(`https://cogov.cn/schemas/party-building/${c.cloudEventType.split('.')[3]}.v1.json`);
    expect(c.cloudEventType.startsWith('cn.cogov.party-building.')).toBe(true);
    expect(c.schema['additionalProperties']).toBe(false);
    expect(c.schema['required']).toEqual(Object.keys(c.schema['properties'] as object));
    expect(String(c.schema['description'])).not.toBe('');
    expect(c.schema['required']).toContain('communityId');
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
    expect(validateEventData(c.eventType, 1, { ...first(c), memberName: '张三' }).valid).toBe(false);
  });

  it('lists the personal fields, and refuses them in plaintext', () => {
    expect(personalFieldsOf('PartyMemberRegisteredAtCommunity')).toEqual(['name', 'phone']);
    expect(personalFieldsOf('FirstSecretaryAppointed')).toEqual(['name']);
    expect(personalFieldsOf('PartTimeCadreAppointed')).toEqual(['name']);
    expect(personalFieldsOf('HouseholdContactVisitRecorded')).toEqual([]);
    expect(personalFieldsOf('PartyMemberServiceHoursCredited')).toEqual([]);
    const registered = first(contracts.find((c) => c.eventType === 'PartyMemberRegisteredAtCommunity')!);
    expect(validateEventData('PartyMemberRegisteredAtCommunity', 1, { ...registered, phone: '13812345678' }).errors).toEqual([
      '/phone must be object',
    ]);
  });
});
