import {
  allContracts,
  cloudEventTypeFor,
  contractFor,
  personalFieldsOf,
  residentsSchemas,
  validateEventData,
  type EventContract,
} from './index.js';
import { organisationsSchemas } from './organisations/index.js';
import { partyBuildingSchemas } from './party-building/index.js';
import { propertySchemas } from './property/index.js';
import { volunteersSchemas } from './volunteers/index.js';

const contracts = allContracts();
const examplesOf = (c: EventContract): Record<string, unknown>[] => c.schema['examples'] as Record<string, unknown>[];
const firstExample = (c: EventContract): Record<string, unknown> => structuredClone(examplesOf(c)[0]!);
const plaintext = { name: '张三丰', idNumber: '110101199003071234', phone: '13812345678' };

const byContext = {
  residents: residentsSchemas,
  organisations: organisationsSchemas,
  volunteers: volunteersSchemas,
  property: propertySchemas,
  'party-building': partyBuildingSchemas,
};

describe('event contracts', () => {
  it.each(Object.entries(byContext))('publishes one compiled contract per event type and version of %s', (context, schemas) => {
    const ofContext = contracts.filter((c) => c.context === context);
    const expected = Object.entries(schemas).flatMap(([type, versions]) => Object.keys(versions).map((v) => `${type}@v${v}`));
    expect(ofContext.map((c) => `${c.eventType}@v${c.schemaVersion}`).sort()).toEqual(expected.sort());
  });

  it.each(contracts.map((c) => [`${c.context} ${c.eventType}`, c] as const))('%s v1 is a closed, fully required object', (_, c) => {
    expect(c.schema['$id']).toBe(`https://cogov.cn/schemas/${c.context}/${c.cloudEventType.split('.')[3]}.v1.json`);
    expect(c.schema['additionalProperties']).toBe(false);
    expect(c.schema['required']).toEqual(Object.keys(c.schema['properties'] as object));
  });

  it.each(contracts.flatMap((c) => examplesOf(c).map((example, i) => [`${c.eventType} #${i}`, c, example] as const)))(
    'accepts the documented example %s',
    (_, c, example) => {
      expect(validateEventData(c.eventType, c.schemaVersion, example)).toEqual({ valid: true, errors: [] });
    },
  );

  it.each(contracts.map((c) => [c.eventType, c] as const))('%s: each missing field is named', (_, c) => {
    for (const field of Object.keys(firstExample(c))) {
      const data = firstExample(c);
      delete data[field];
      const result = validateEventData(c.eventType, 1, data);
      expect(result.valid).toBe(false);
      expect(result.errors).toContain(`/ must have required property '${field}'`);
    }
  });

  it.each(contracts.map((c) => [c.eventType, c] as const))('%s: an extra field is named', (_, c) => {
    const result = validateEventData(c.eventType, 1, { ...firstExample(c), residentName: '张三丰' });
    expect(result).toEqual({ valid: false, errors: ["/ must NOT have additional property 'residentName'"] });
  });

  it.each(contracts.filter((c) => c.personalFields.length > 0).map((c) => [c.eventType, c] as const))(
    '%s: plaintext where an EncryptedField belongs is named',
    (_, c) => {
      for (const field of c.personalFields) {
        const data = { ...firstExample(c), [field]: '张三丰' };
        const result = validateEventData(c.eventType, 1, data);
        expect(result.valid).toBe(false);
        expect(result.errors).toContain(`/${field} must be object`);
      }
    },
  );

  it('rejects an EncryptedField that is not well-formed', () => {
    const data = firstExample(contractFor('ResidentMovedIn', 1)!);
    data['phone'] = { $pii: 'v1', subject: 'r-1', iv: 'short', ct: plaintext.phone + '!', tag: 'AAECAwQFBgcICQoLDA0ODw==' };
    const result = validateEventData('ResidentMovedIn', 1, data);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/phone\/iv /), expect.stringMatching(/^\/phone\/ct /)]),
    );
  });

  it('checks enums, formats and UTC times', () => {
    const filed = firstExample(contractFor('AppealFiled', 1)!);
    expect(validateEventData('AppealFiled', 1, { ...filed, channel: 'email' }).errors).toEqual([
      '/channel must be one of hotline, visit, app, suggestion_box, grid_patrol',
    ]);
    expect(validateEventData('AppealFiled', 1, { ...filed, filedAt: '2026-11-21T09:02:03+08:00' }).valid).toBe(false);
    expect(validateEventData('AppealFiled', 1, { ...filed, filedAt: 'yesterday' }).valid).toBe(false);
    const movedOut = firstExample(contractFor('ResidentMovedOut', 1)!);
    expect(validateEventData('ResidentMovedOut', 1, { ...movedOut, movedOutOn: '2026-02-30' }).errors).toEqual([
      '/movedOutOn must match format "date"',
    ]);
    expect(validateEventData('ResidentMovedOut', 1, { ...movedOut, reason: 'evicted' }).valid).toBe(false);
  });

  it('checks nested objects closed too', () => {
    const dispatched = firstExample(contractFor('AppealDispatched', 1)!);
    const result = validateEventData('AppealDispatched', 1, {
      ...dispatched,
      stakeholder: { kind: 'agency', id: 'a-1', phone: plaintext.phone },
    });
    expect(result.errors).toEqual(["/stakeholder must NOT have additional property 'phone'"]);
  });

  it('treats an unknown type or version as invalid', () => {
    expect(validateEventData('AppealFiled', 2, {})).toEqual({
      valid: false,
      errors: ['no public contract for AppealFiled v2'],
    });
    expect(contractFor('AppealFiled', 2)).toBeUndefined();
  });
});

describe('cloud event types', () => {
  it('kebab-cases the event type', () => {
    expect(cloudEventTypeFor('residents', 'AppealFiled', 1)).toBe('cn.cogov.residents.appeal-filed.v1');
    expect(cloudEventTypeFor('residents', 'ResidentPersonalDataErased', 3)).toBe(
      'cn.cogov.residents.resident-personal-data-erased.v3',
    );
    expect(contractFor('VulnerableGroupTagged', 1)?.cloudEventType).toBe(
      'cn.cogov.residents.vulnerable-group-tagged.v1',
    );
  });
});

describe('personal fields', () => {
  it('lists the encrypted fields of each event type', () => {
    expect(personalFieldsOf('ResidentMovedIn')).toEqual(['name', 'idNumber', 'phone']);
    expect(personalFieldsOf('GridWorkerAssigned', 1)).toEqual(['workerName']);
    expect(personalFieldsOf('VulnerableGroupTagged')).toEqual(['tag']);
    expect(personalFieldsOf('VulnerableGroupUntagged')).toEqual(['tag']);
    expect(personalFieldsOf('AppealFiled')).toEqual(['description']);
    expect(personalFieldsOf('AppealAccepted')).toEqual([]);
    expect(personalFieldsOf('HouseholdRegistered')).toEqual([]);
  });

  it('refuses to answer for an event type without a contract', () => {
    expect(() => personalFieldsOf('AppealFiledd')).toThrow('No public contract for event type AppealFiledd');
  });
});
