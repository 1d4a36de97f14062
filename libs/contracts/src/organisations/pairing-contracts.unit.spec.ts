import { contractFor, validateEventData } from '../registry.js';

const held = () => structuredClone((contractFor('PairingActivityHeld', 1)!.schema['examples'] as Record<string, unknown>[])[0]!);

describe('PairingActivityHeld v1: volunteerMinutes', () => {
  it('takes whole minutes from 1 to 1,440, or null when no volunteer is listed', () => {
    for (const volunteerMinutes of [1, 150, 1440]) expect(validateEventData('PairingActivityHeld', 1, { ...held(), volunteerMinutes }).valid).toBe(true);
    expect(validateEventData('PairingActivityHeld', 1, { ...held(), volunteerIds: [], volunteerMinutes: null }).valid).toBe(true);
    for (const volunteerMinutes of [0, 1441, 90.5, '150']) expect(validateEventData('PairingActivityHeld', 1, { ...held(), volunteerMinutes }).valid).toBe(false);
  });

  it('requires the field', () => {
    const { volunteerMinutes: _m, ...withoutMinutes } = held();
    expect(validateEventData('PairingActivityHeld', 1, withoutMinutes).errors).toContain("/ must have required property 'volunteerMinutes'");
  });
});
