import { calendarDate, eventSchema, id, oneOf, text, utcDateTime, type JsonSchema } from '../json-schema.js';
import { calendarMonth, count, exampleIds as ids, fen, idList } from './examples.js';

const context = 'organisations';
const pairingRef = { pairingId: id, organisationId: id, communityId: id };
const exampleRef = { pairingId: ids.pairing, organisationId: ids.organisation, communityId: ids.community };
const positiveFen: JsonSchema = { ...fen, minimum: 1 };

export const coBuildingPairingEstablishedV1 = eventSchema({
  context,
  eventType: 'CoBuildingPairingEstablished',
  schemaVersion: 1,
  description:
    'An organisation and a community established a co-building pairing (结对共建) with its commitments and a pledged ' +
    'support fund in whole fen (the configured minimum, by default 500,000 fen = 5,000 yuan).',
  properties: {
    ...pairingRef,
    commitments: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    pledgedFen: fen,
    establishedOn: calendarDate,
    establishedAt: utcDateTime,
  },
  examples: [
    {
      ...exampleRef,
      commitments: ['每月开展一次共建活动', '开放学校操场供居民周末使用'],
      pledgedFen: 500_000,
      establishedOn: '2026-09-01',
      establishedAt: '2026-09-01T02:00:00.000Z',
    },
  ],
});

export const pairingPledgeAmendedV1 = eventSchema({
  context,
  eventType: 'PairingPledgeAmended',
  schemaVersion: 1,
  description: "The pairing's pledged support fund was amended; never below what was already disbursed.",
  properties: { ...pairingRef, previousPledgedFen: fen, pledgedFen: fen, reason: text, amendedAt: utcDateTime },
  examples: [
    { ...exampleRef, previousPledgedFen: 500_000, pledgedFen: 800_000, reason: '追加重阳节慰问经费', amendedAt: '2026-10-08T02:00:00.000Z' },
  ],
});

export const pairingMonthlyThemeSetV1 = eventSchema({
  context,
  eventType: 'PairingMonthlyThemeSet',
  schemaVersion: 1,
  description: "The theme of a month's pairing activities (每月一主题) was set, or replaced before any activity of that month.",
  properties: { ...pairingRef, month: calendarMonth, theme: text, setAt: utcDateTime },
  examples: [{ ...exampleRef, month: '2026-09', theme: '尊师重教', setAt: '2026-08-25T02:00:00.000Z' }],
});

export const pairingActivityHeldV1 = eventSchema({
  context,
  eventType: 'PairingActivityHeld',
  schemaVersion: 1,
  description:
    "A pairing activity was held, with the number of the unit's staff and of residents taking part, the ids of " +
    'the volunteers who served and how long each of them served (so that their hours can be recorded). It carries ' +
    'the theme of its month, or null.',
  properties: {
    ...pairingRef,
    activityId: id,
    title: text,
    heldOn: calendarDate,
    month: calendarMonth,
    theme: { type: ['string', 'null'] },
    place: text,
    staffCount: count,
    residentCount: count,
    volunteerIds: idList,
    volunteerMinutes: {
      type: ['integer', 'null'],
      minimum: 1,
      maximum: 1440,
      description: 'Whole minutes each listed volunteer served (1 to 1,440); null exactly when no volunteer is listed.',
    },
    recordedAt: utcDateTime,
  },
  examples: [
    {
      ...exampleRef,
      activityId: ids.activity,
      title: '教师节慰问社区退休教师',
      heldOn: '2026-09-10',
      month: '2026-09',
      theme: '尊师重教',
      place: '和平里社区党群服务中心',
      staffCount: 12,
      residentCount: 45,
      volunteerIds: [ids.volunteer],
      volunteerMinutes: 150,
      recordedAt: '2026-09-10T10:00:00.000Z',
    },
  ],
});

export const pairingSupportFundDisbursedV1 = eventSchema({
  context,
  eventType: 'PairingSupportFundDisbursed',
  schemaVersion: 1,
  description: 'Support funds were disbursed to the community; the running total never exceeds the pledge.',
  properties: {
    ...pairingRef,
    disbursementId: id,
    amountFen: positiveFen,
    purpose: text,
    disbursedTotalFen: fen,
    pledgedFen: fen,
    disbursedAt: utcDateTime,
  },
  examples: [
    {
      ...exampleRef,
      disbursementId: ids.disbursement,
      amountFen: 200_000,
      purpose: '购置社区图书角书架',
      disbursedTotalFen: 200_000,
      pledgedFen: 500_000,
      disbursedAt: '2026-09-15T02:00:00.000Z',
    },
  ],
});

export const pairingReviewedV1 = eventSchema({
  context,
  eventType: 'PairingReviewed',
  schemaVersion: 1,
  description: 'The pairing was reviewed for a period (a year, half-year or quarter) and rated 优秀/良好/合格/不合格.',
  properties: {
    ...pairingRef,
    period: { type: 'string', pattern: '^\\d{4}(-(H[12]|Q[1-4]))?$' },
    rating: oneOf('excellent', 'good', 'pass', 'fail'),
    comments: text,
    reviewedAt: utcDateTime,
  },
  examples: [{ ...exampleRef, period: '2026', rating: 'good', comments: '活动按月开展，资金到位 80%', reviewedAt: '2026-12-20T02:00:00.000Z' }],
});

export const pairingEndedV1 = eventSchema({
  context,
  eventType: 'PairingEnded',
  schemaVersion: 1,
  description: 'The pairing ended, with its final pledge and the total disbursed.',
  properties: { ...pairingRef, reason: text, pledgedFen: fen, disbursedTotalFen: fen, endedAt: utcDateTime },
  examples: [{ ...exampleRef, reason: '单位迁出辖区', pledgedFen: 500_000, disbursedTotalFen: 400_000, endedAt: '2027-08-31T02:00:00.000Z' }],
});
