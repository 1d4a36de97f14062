import { contractFor, personalFieldsOf, validateEventData } from '../registry.js';

const registered = () => structuredClone((contractFor('VolunteerRegistered', 1)!.schema['examples'] as Record<string, unknown>[])[0]!);

describe('VolunteerRegistered v1: personal fields that may be null', () => {
  it('still lists name, phone and ID number as personal fields', () => {
    expect(personalFieldsOf('VolunteerRegistered')).toEqual(['name', 'phone', 'idNumber']);
  });

  it('accepts null personal fields (a volunteer linked to a party member) and EncryptedFields', () => {
    expect(validateEventData('VolunteerRegistered', 1, { ...registered(), linkedTo: { kind: 'party_member', id: 'pm-1' }, name: null, phone: null, idNumber: null })).toEqual({
      valid: true,
      errors: [],
    });
    expect(validateEventData('VolunteerRegistered', 1, registered()).valid).toBe(true);
  });

  it('refuses plaintext where the personal field belongs, naming it', () => {
    const result = validateEventData('VolunteerRegistered', 1, { ...registered(), phone: '13812345678' });
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('/phone must be object');
  });
});
