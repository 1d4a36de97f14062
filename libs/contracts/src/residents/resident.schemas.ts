import { calendarDate, encrypted, eventSchema, id, oneOf } from '../json-schema.js';
import { exampleEncrypted, exampleIds as ids } from './examples.js';

export const residentMovedInV1 = eventSchema({
  context: 'residents',
  eventType: 'ResidentMovedIn',
  schemaVersion: 1,
  description:
    "A resident (居民) moved into a household. Name, ID number and phone are encrypted under the resident's key.",
  properties: {
    residentId: id,
    householdId: id,
    communityId: id,
    gridId: id,
    name: encrypted,
    idNumber: encrypted,
    phone: encrypted,
    movedInOn: { ...calendarDate, description: 'Calendar date in Asia/Shanghai.' },
  },
  examples: [
    {
      residentId: ids.resident,
      householdId: ids.household,
      communityId: ids.community,
      gridId: ids.grid,
      name: exampleEncrypted(ids.resident),
      idNumber: exampleEncrypted(ids.resident),
      phone: exampleEncrypted(ids.resident),
      movedInOn: '2026-03-01',
    },
  ],
});

export const residentMovedOutV1 = eventSchema({
  context: 'residents',
  eventType: 'ResidentMovedOut',
  schemaVersion: 1,
  description: 'A resident moved out of a household.',
  properties: {
    residentId: id,
    householdId: id,
    communityId: id,
    movedOutOn: { ...calendarDate, description: 'Calendar date in Asia/Shanghai.' },
    reason: oneOf('relocated', 'deceased', 'other'),
  },
  examples: [
    {
      residentId: ids.resident,
      householdId: ids.household,
      communityId: ids.community,
      movedOutOn: '2026-10-31',
      reason: 'relocated',
    },
  ],
});

/**
 * Vulnerable-group status is itself personal data (design §3), so the tag is encrypted and the enum of its
 * plaintext cannot be checked here: the producer checks it before encrypting.
 */
const vulnerableGroupTagDescription =
  'Encrypted; plaintext ∈ low_income | special_care | disabled | elderly_living_alone | left_behind_child | three_nos | unemployed_4050.';

export const vulnerableGroupTaggedV1 = eventSchema({
  context: 'residents',
  eventType: 'VulnerableGroupTagged',
  schemaVersion: 1,
  description: 'A resident was recorded in a vulnerable-group ledger (低保, 优抚, 残疾, 独居老人, 留守儿童, 三无, 4050).',
  properties: { residentId: id, communityId: id, tag: { ...encrypted, description: vulnerableGroupTagDescription } },
  examples: [{ residentId: ids.resident, communityId: ids.community, tag: exampleEncrypted(ids.resident) }],
});

export const vulnerableGroupUntaggedV1 = eventSchema({
  context: 'residents',
  eventType: 'VulnerableGroupUntagged',
  schemaVersion: 1,
  description: 'A resident was removed from a vulnerable-group ledger.',
  properties: { residentId: id, communityId: id, tag: { ...encrypted, description: vulnerableGroupTagDescription } },
  examples: [{ residentId: ids.resident, communityId: ids.community, tag: exampleEncrypted(ids.resident) }],
});

export const residentPersonalDataErasedV1 = eventSchema({
  context: 'residents',
  eventType: 'ResidentPersonalDataErased',
  schemaVersion: 1,
  description:
    "The resident's key was destroyed: every encrypted field of this subject, in every copy, is unreadable from now on.",
  properties: { residentId: id, communityId: id },
  examples: [{ residentId: ids.resident, communityId: ids.community }],
});
