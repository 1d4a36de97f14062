import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { validateEventData } from '@cogov/contracts';
import { eventsTopic, parseCloudEventType } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { startTestBed, today, tomorrowAt, type TestBed } from './organisations-fixtures.js';

/** `organisation-registered` → `OrganisationRegistered`. */
const pascal = (kebab: string): string => kebab.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

const PUBLISHED = [
  'OrganisationRegistered',
  'CoBuildingPairingEstablished',
  'PairingMonthlyThemeSet',
  'PairingActivityHeld',
  'PairingSupportFundDisbursed',
  'SharedFacilityOffered',
  'SharedFacilityBooked',
  'SharedFacilityBookingCancelled',
];

describe('organisations events on Kafka', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('organisation_events');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('publishes every event as a CloudEvent whose data matches its public contract, the resident booker by id only', async () => {
    const pairingId = await b.establishPairing();
    await b.ok(b.staff, `mutation ($p: ID!) { setMonthlyTheme(input: { pairingId: $p, month: "2026-09", theme: "尊师重教" }) { id } }`, { p: pairingId });
    await b.ok(b.staff, `mutation ($i: RecordPairingActivityInput!) { recordPairingActivity(input: $i) { id } }`, {
      i: { pairingId, title: '四点半课堂', heldOn: today(), place: '党群服务中心', staffCount: 3, residentCount: 25 },
    });
    await b.ok(b.staff, `mutation ($p: ID!) { disburseSupportFund(input: { pairingId: $p, amountFen: 100000, purpose: "购置图书" }) { id } }`, { p: pairingId });
    const facilityId = await b.offerFacility();
    const resident = randomUUID();
    const booked = await b.ok<{ bookSharedFacility: { bookings: { id: string }[] } }>(
      b.staff,
      `mutation ($i: BookSharedFacilityInput!) { bookSharedFacility(input: $i) { bookings { id } } }`,
      { i: { facilityId, bookedBy: { kind: 'resident', id: resident }, purpose: '家庭聚会', attendees: 10, ...tomorrowAt() } },
    );
    await b.ok(b.staff, `mutation ($f: ID!, $k: ID!) { cancelFacilityBooking(input: { facilityId: $f, bookingId: $k, reason: "改期" }) { id } }`, {
      f: facilityId,
      k: booked.bookSharedFacility.bookings[0]!.id,
    });

    const kafka = new Kafka({ clientId: 'organisations-events-test', brokers: b.t.config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${b.t.config.topicPrefix}.events-test` });
    const events: { type: string; subject: string; communityid: string; data: unknown }[] = [];
    const seen = () => new Set(events.map((e) => pascal(parseCloudEventType(e.type)!.eventType)));
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: eventsTopic('organisations', b.t.config.topicPrefix), fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void (message.value && events.push(JSON.parse(message.value.toString()))) });
      await eventually(() => PUBLISHED.every((type) => seen().has(type)), { timeoutMs: 30_000, what: 'every organisations event type on Kafka' });
    } finally {
      await consumer.disconnect();
    }

    for (const event of events) {
      const { eventType, schemaVersion } = parseCloudEventType(event.type)!;
      const type = pascal(eventType);
      expect(event.communityid).toBe(b.communityId);
      // The credit-code reservation is this service's uniqueness index, not a fact for partners (README).
      if (type === 'OrganisationCreditCodeReserved') continue;
      expect({ type, ...validateEventData(type, schemaVersion, event.data) }).toMatchObject({ type, valid: true });
    }
    const booking = events.find((e) => e.type.includes('shared-facility-booked'))!;
    expect(booking.data).toMatchObject({ bookedBy: { kind: 'resident', id: resident } });
  }, 60_000);
});
