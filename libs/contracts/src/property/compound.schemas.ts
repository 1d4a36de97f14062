import { calendarDate, eventSchema, id, oneOf, text, utcDateTime } from '../json-schema.js';
import { exampleIds as ex } from './examples.js';
import { areaHundredthM2, count, positiveCount } from './shared.js';

const context = 'property';
const compound = { compoundId: ex.compound, communityId: ex.community };

export const compoundRegisteredV1 = eventSchema({
  context,
  eventType: 'CompoundRegistered',
  schemaVersion: 1,
  description: 'A residential compound (小区) of the community was registered: closed or open, its units and floor area.',
  properties: {
    compoundId: id,
    communityId: id,
    name: text,
    enclosure: oneOf('closed', 'open'),
    unitCount: positiveCount,
    floorAreaHundredthM2: areaHundredthM2,
    registeredAt: utcDateTime,
  },
  examples: [
    {
      ...compound,
      name: '和平里七区',
      enclosure: 'closed',
      unitCount: 864,
      floorAreaHundredthM2: 7_893_412,
      registeredAt: '2026-03-02T02:00:00.000Z',
    },
  ],
});

export const compoundOccupancyRecordedV1 = eventSchema({
  context,
  eventType: 'CompoundOccupancyRecorded',
  schemaVersion: 1,
  description: 'The number of occupied units of the compound was recorded (occupancy = occupiedUnitCount / unitCount).',
  properties: { compoundId: id, communityId: id, occupiedUnitCount: count, unitCount: positiveCount, recordedAt: utcDateTime },
  examples: [{ ...compound, occupiedUnitCount: 801, unitCount: 864, recordedAt: '2026-03-05T02:00:00.000Z' }],
});

export const propertyServiceContractSignedV1 = eventSchema({
  context,
  eventType: 'PropertyServiceContractSigned',
  schemaVersion: 1,
  description: 'A property service contract for the compound was signed with a property company (物业服务企业).',
  properties: {
    compoundId: id,
    communityId: id,
    contractId: id,
    companyId: id,
    companyName: text,
    unifiedSocialCreditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码.' },
    startsOn: calendarDate,
    endsOn: calendarDate,
    signedAt: utcDateTime,
  },
  examples: [
    {
      ...compound,
      contractId: ex.contract,
      companyId: ex.company,
      companyName: '北京安居物业服务有限公司',
      unifiedSocialCreditCode: '91110105MA01ABCD3X',
      startsOn: '2026-04-01',
      endsOn: '2029-03-31',
      signedAt: '2026-03-20T06:00:00.000Z',
    },
  ],
});

export const propertyServiceContractEndedV1 = eventSchema({
  context,
  eventType: 'PropertyServiceContractEnded',
  schemaVersion: 1,
  description: "The compound's property service contract ended; a red-property mark ends with it.",
  properties: { compoundId: id, communityId: id, contractId: id, companyId: id, reason: text, endedAt: utcDateTime },
  examples: [
    { ...compound, contractId: ex.contract, companyId: ex.company, reason: '合同期满', endedAt: '2029-03-31T16:00:00.000Z' },
  ],
});

export const compoundMarkedRedPropertyV1 = eventSchema({
  context,
  eventType: 'CompoundMarkedRedProperty',
  schemaVersion: 1,
  description:
    'The compound was marked red property (红色物业): the company serving it under the contract in force has its own ' +
    'party organisation taking part in community governance.',
  properties: {
    compoundId: id,
    communityId: id,
    contractId: id,
    companyId: id,
    partyOrganisationId: id,
    markedAt: utcDateTime,
  },
  examples: [
    {
      ...compound,
      contractId: ex.contract,
      companyId: ex.company,
      partyOrganisationId: ex.partyOrganisation,
      markedAt: '2026-05-01T02:00:00.000Z',
    },
  ],
});
