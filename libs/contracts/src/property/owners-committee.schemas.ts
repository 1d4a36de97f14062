import { eventSchema, id, text, utcDateTime } from '../json-schema.js';
import { exampleIds as ex } from './examples.js';
import { ids } from './shared.js';

const context = 'property';
const committee = { committeeId: id, compoundId: id, communityId: id };
const example = { committeeId: ex.committee, compoundId: ex.compound, communityId: ex.community };

export const ownersCommitteePreparatoryGroupFormedV1 = eventSchema({
  context,
  eventType: 'OwnersCommitteePreparatoryGroupFormed',
  schemaVersion: 1,
  description: "A preparatory group (筹备组) was formed to prepare the compound's owners' assembly and committee election.",
  properties: { ...committee, memberIds: { ...ids, minItems: 1 }, formedAt: utcDateTime },
  examples: [{ ...example, memberIds: [ex.owner, ex.owner2], formedAt: '2026-08-01T02:00:00.000Z' }],
});

export const ownersCommitteeElectedV1 = eventSchema({
  context,
  eventType: 'OwnersCommitteeElected',
  schemaVersion: 1,
  description: "The owners' committee (业主委员会) was elected by the owners' assembly vote counted in `assemblyId`.",
  properties: { ...committee, assemblyId: id, memberIds: { ...ids, minItems: 1 }, electedAt: utcDateTime },
  examples: [{ ...example, assemblyId: ex.assembly, memberIds: [ex.owner], electedAt: '2026-09-21T02:00:00.000Z' }],
});

export const ownersCommitteeFiledV1 = eventSchema({
  context,
  eventType: 'OwnersCommitteeFiled',
  schemaVersion: 1,
  description: "The elected owners' committee was filed (备案) with the street office, under a filing number.",
  properties: { ...committee, filedWith: id, filingNumber: text, filedAt: utcDateTime },
  examples: [{ ...example, filedWith: ex.streetOffice, filingNumber: '朝业备〔2026〕17号', filedAt: '2026-10-08T02:00:00.000Z' }],
});
