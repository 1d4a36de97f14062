import { eventSchema, id, oneOf, text, utcDateTime } from '../json-schema.js';
import { creditCode, exampleIds as ids } from './examples.js';

const context = 'organisations';

export const organisationRegisteredV1 = eventSchema({
  context,
  eventType: 'OrganisationRegistered',
  schemaVersion: 1,
  description:
    'An organisation — a unit stationed in the area (驻区单位) or a social organisation (社会组织) — was registered ' +
    'in a community. A social organisation carries its incubation stage (incubating → incubated → registered) and ' +
    'has a credit code only once registered; every other type has a code and no stage.',
  properties: {
    organisationId: id,
    communityId: id,
    name: text,
    type: oneOf(
      'government_body',
      'public_institution',
      'state_enterprise',
      'private_enterprise',
      'school',
      'hospital',
      'social_organisation',
      'other',
    ),
    creditCode: { ...creditCode, type: ['string', 'null'] },
    incubationStage: { type: ['string', 'null'], enum: ['incubating', 'incubated', 'registered', null] },
    address: text,
    registeredAt: utcDateTime,
  },
  examples: [
    {
      organisationId: ids.organisation,
      communityId: ids.community,
      name: '和平里第一小学',
      type: 'school',
      creditCode: '91350100M000100Y43',
      incubationStage: null,
      address: '和平里七区 3 号',
      registeredAt: '2026-09-01T01:00:00.000Z',
    },
    {
      organisationId: ids.socialOrganisation,
      communityId: ids.community,
      name: '邻里互助社',
      type: 'social_organisation',
      creditCode: null,
      incubationStage: 'incubating',
      address: '和平里社区党群服务中心 2 楼',
      registeredAt: '2026-09-01T01:00:00.000Z',
    },
  ],
});

export const socialOrganisationIncubatedV1 = eventSchema({
  context,
  eventType: 'SocialOrganisationIncubated',
  schemaVersion: 1,
  description: 'A social organisation completed its incubation (出壳): incubating → incubated.',
  properties: { organisationId: id, communityId: id, incubatedAt: utcDateTime },
  examples: [{ organisationId: ids.socialOrganisation, communityId: ids.community, incubatedAt: '2027-03-01T02:00:00.000Z' }],
});

export const socialOrganisationLegallyRegisteredV1 = eventSchema({
  context,
  eventType: 'SocialOrganisationLegallyRegistered',
  schemaVersion: 1,
  description:
    'An incubated social organisation was registered with the civil-affairs bureau as a legal person and got its ' +
    'unified social credit code: incubated → registered.',
  properties: { organisationId: id, communityId: id, creditCode, legallyRegisteredAt: utcDateTime },
  examples: [
    {
      organisationId: ids.socialOrganisation,
      communityId: ids.community,
      creditCode: '531100005000000005',
      legallyRegisteredAt: '2027-06-01T02:00:00.000Z',
    },
  ],
});
