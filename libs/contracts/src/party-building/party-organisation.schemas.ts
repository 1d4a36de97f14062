import { encrypted, eventSchema, id, nullableId, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleEncrypted, exampleIds as ex } from './examples.js';

const context = 'party-building';
const org = { organisationId: ex.organisation, communityId: ex.community };

export const partyOrganisationEstablishedV1 = eventSchema({
  context,
  eventType: 'PartyOrganisationEstablished',
  schemaVersion: 1,
  description:
    "A party organisation (党组织) of the community was established: its general branch (总支) or a branch (支部), " +
    "possibly set up in a unit such as a property company (`hostUnitId`), which makes that company's compounds red property.",
  properties: {
    organisationId: id,
    communityId: id,
    kind: oneOf('general_branch', 'branch'),
    name: text,
    parentOrganisationId: nullableId,
    hostUnitId: nullableId,
    establishedAt: utcDateTime,
  },
  examples: [
    { ...org, kind: 'general_branch', name: '和平里七区社区党总支', parentOrganisationId: null, hostUnitId: null, establishedAt: '2026-01-05T02:00:00.000Z' },
    {
      organisationId: ex.branch,
      communityId: ex.community,
      kind: 'branch',
      name: '安居物业党支部',
      parentOrganisationId: ex.organisation,
      hostUnitId: ex.propertyCompany,
      establishedAt: '2026-02-05T02:00:00.000Z',
    },
  ],
});

export const firstSecretaryAppointedV1 = eventSchema({
  context,
  eventType: 'FirstSecretaryAppointed',
  schemaVersion: 1,
  description: 'A first secretary (第一书记) was appointed to the organisation, replacing any in office. The name is encrypted for the secretary.',
  properties: { organisationId: id, communityId: id, secretaryId: id, name: encrypted, sendingUnitId: nullableId, appointedAt: utcDateTime },
  examples: [
    { ...org, secretaryId: ex.secretary, name: exampleEncrypted(ex.secretary), sendingUnitId: ex.pairedUnit, appointedAt: '2026-03-01T02:00:00.000Z' },
  ],
});

export const partTimeCadreAppointedV1 = eventSchema({
  context,
  eventType: 'PartTimeCadreAppointed',
  schemaVersion: 1,
  description: 'A part-time cadre (兼职委员) from a paired unit joined the organisation. The name is encrypted for the cadre.',
  properties: { organisationId: id, communityId: id, cadreId: id, name: encrypted, pairedUnitId: id, appointedAt: utcDateTime },
  examples: [{ ...org, cadreId: ex.cadre, name: exampleEncrypted(ex.cadre), pairedUnitId: ex.pairedUnit, appointedAt: '2026-03-02T02:00:00.000Z' }],
});

export const partTimeCadreReleasedV1 = eventSchema({
  context,
  eventType: 'PartTimeCadreReleased',
  schemaVersion: 1,
  description: 'A part-time cadre left the organisation.',
  properties: { organisationId: id, communityId: id, cadreId: id, releasedAt: utcDateTime },
  examples: [{ ...org, cadreId: ex.cadre, releasedAt: '2027-03-02T02:00:00.000Z' }],
});

export const partyMassesServiceCentreOpenedV1 = eventSchema({
  context,
  eventType: 'PartyMassesServiceCentreOpened',
  schemaVersion: 1,
  description: 'The organisation opened its party-masses service centre (党群服务中心, one per organisation) or a station (站).',
  properties: {
    organisationId: id,
    communityId: id,
    centreId: id,
    kind: oneOf('centre', 'station'),
    name: text,
    address: text,
    openedAt: utcDateTime,
  },
  examples: [
    { ...org, centreId: ex.centre, kind: 'centre', name: '和平里七区党群服务中心', address: '和平里七区 5 号楼底商', openedAt: '2026-04-01T02:00:00.000Z' },
  ],
});
