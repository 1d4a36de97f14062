import { allContracts } from './registry.js';
import { PUBLIC_EVENTS, allPublicContracts, publicContractFor, toPublicData, validatePublicData } from './public.js';

const NATURAL_PERSON_IDS = ['residentId', 'householdId', 'memberId', 'volunteerId', 'volunteerIds', 'memberIds', 'assigneeId', 'personInChargeId', 'workerId', 'cadreId'];

describe('public contracts', () => {
  const publics = allPublicContracts();

  it('derive one public contract per listed event and version, on its context’s public topic', () => {
    const listed = Object.entries(PUBLIC_EVENTS).flatMap(([context, types]) => Object.keys(types).map((type) => `${context}/${type}`));
    expect(new Set(publics.map((c) => `${c.context}/${c.eventType}`))).toEqual(new Set(listed));
    for (const c of publics) {
      expect(c.topic).toBe(`cogov.${c.context}.public.v1`);
      expect(c.cloudEventType).toMatch(new RegExp(`^cn\\.cogov\\.public\\.${c.context}\\.[a-z-]+\\.v${c.schemaVersion}$`));
    }
  });

  it('carry no personal field, not even encrypted, and no id of a natural person', () => {
    for (const c of publics) {
      const text = JSON.stringify(c.schema);
      expect(text).not.toContain('EncryptedField');
      expect(text).not.toContain('$pii');
      const internal = allContracts().find((i) => i.eventType === c.eventType && i.schemaVersion === c.schemaVersion)!;
      for (const personal of internal.personalFields) expect(c.removed).toContain(personal);
      const top = Object.keys(c.schema['properties'] as object);
      for (const id of NATURAL_PERSON_IDS) expect({ event: c.eventType, has: top.includes(id) }).toEqual({ event: c.eventType, has: false });
    }
  });

  it('accept the internal examples once made public, and refuse anything more', () => {
    for (const c of publics) {
      const internal = allContracts().find((i) => i.eventType === c.eventType && i.schemaVersion === c.schemaVersion)!;
      for (const example of (internal.schema['examples'] as unknown[]) ?? []) {
        const data = toPublicData(c.schema, example);
        expect({ event: c.eventType, ...validatePublicData(c.eventType, c.schemaVersion, data) }).toEqual({ event: c.eventType, valid: true, errors: [] });
        expect(JSON.stringify(data)).not.toContain('$pii');
      }
    }
    const filed = (allContracts().find((i) => i.eventType === 'AppealFiled')!.schema['examples'] as Record<string, unknown>[])[0]!;
    const leaked = validatePublicData('AppealFiled', 1, { ...toPublicData(publicContractFor('AppealFiled', 1)!.schema, filed) as object, location: '3号楼' });
    expect(leaked.valid).toBe(false);
    expect(leaked.errors.join()).toContain('must NOT have additional properties');
    expect(validatePublicData('ResidentMovedIn', 1, {}).errors).toEqual(['ResidentMovedIn v1 is not a public event']);
  });
});
