import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { allPublicContracts, publicTopic, validateEventData, validatePublicData } from '@cogov/contracts';
import { eventsTopic, parseCloudEventType } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { startTestBed, type TestBed } from './party-building-test-bed.js';

const NAMES = ['钱学明', '何美玲', '蒋卫东'];
const PHONE = '13711112222';

describe('party-building events on Kafka', () => {
  let b: TestBed;
  beforeAll(async () => {
    b = await startTestBed('party_building_kafka');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('publishes CloudEvents whose data match their JSON Schema and carry no plaintext personal data', async () => {
    const organisationId = await b.establishOrganisation();
    await b.ok(b.staff, `mutation ($o: ID!, $n: String!) { appointFirstSecretary(input: { organisationId: $o, name: $n }) { id } }`, { o: organisationId, n: NAMES[0] });
    await b.ok(b.staff, `mutation ($o: ID!, $n: String!) { appointPartTimeCadre(input: { organisationId: $o, name: $n, pairedUnitId: "school-7" }) { id } }`, {
      o: organisationId,
      n: NAMES[1],
    });
    await b.ok(b.staff, `mutation ($o: ID!) { openPartyMassesServiceCentre(input: { organisationId: $o, kind: "centre", name: "党群服务中心", address: "幸福路1号" }) { id } }`, {
      o: organisationId,
    });
    const memberId = await b.registerMember({ name: NAMES[2], phone: PHONE });
    const householdId = randomUUID();
    await b.assignContact(householdId, memberId);
    await b.ok(b.staff, `mutation ($h: ID!, $m: ID!) { recordContactVisit(input: { householdId: $h, memberId: $m, visitedOn: "2026-10-02", purpose: "regular_contact" }) { householdId } }`, {
      h: householdId,
      m: memberId,
    });
    await b.ok(
      b.staff,
      `mutation ($c: ID!, $o: ID!) { recordPartyActivityHeld(input: { communityId: $c, organisationId: $o, kind: "study_session", title: "学习会", heldOn: "2026-10-03", participantCount: 9, registeredMemberCount: 3 }) { id } }`,
      { c: b.communityId, o: organisationId },
    );
    await b.ok(b.staff, `mutation ($m: ID!) { endPartyMemberCommunityRegistration(input: { memberId: $m, reason: "搬离本社区" }) { id } }`, { m: memberId });
    const expected = 9;

    const topic = eventsTopic('party-building', b.t.config.topicPrefix);
    const kafka = new Kafka({ clientId: 'party-building-tests', brokers: b.t.config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${b.t.config.topicPrefix}.tests` });
    const raw: Buffer[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void (message.value && raw.push(message.value)) });
      await eventually(() => raw.length >= expected, { timeoutMs: 30_000, what: `${expected} party-building events on Kafka` });
    } finally {
      await consumer.disconnect();
    }

    const types = new Set<string>();
    for (const value of raw) {
      const event = JSON.parse(value.toString()) as { specversion: string; source: string; type: string; data: unknown };
      expect(event.specversion).toBe('1.0');
      const type = parseCloudEventType(event.type)!;
      expect(type.context).toBe('party-building');
      const eventType = type.eventType.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      types.add(eventType);
      expect(validateEventData(eventType, type.schemaVersion, event.data)).toEqual({ valid: true, errors: [] });
      for (const secret of [...NAMES, PHONE]) expect(value.includes(Buffer.from(secret))).toBe(false);
    }
    expect([...types].sort()).toEqual([
      'FirstSecretaryAppointed',
      'HouseholdContactAssigned',
      'HouseholdContactVisitRecorded',
      'PartTimeCadreAppointed',
      'PartyActivityHeld',
      'PartyMassesServiceCentreOpened',
      'PartyMemberCommunityRegistrationEnded',
      'PartyMemberRegisteredAtCommunity',
      'PartyOrganisationEstablished',
    ]);
  }, 60_000);

  it('publishes the public events alone on the public topic, each matching its public contract, with nothing personal', async () => {
    // The events of the test above, as partners read them (ADR 0009).
    const topic = publicTopic('party-building', b.t.config.topicPrefix);
    const kafka = new Kafka({ clientId: 'party-building-tests', brokers: b.t.config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${b.t.config.topicPrefix}.public-tests` });
    const raw: Buffer[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void (message.value && raw.push(message.value)) });
      await eventually(() => raw.length >= 3, { timeoutMs: 30_000, what: '3 public party-building events on Kafka' });
    } finally {
      await consumer.disconnect();
    }
    const publics = new Map(allPublicContracts().map((c) => [c.cloudEventType, c]));
    const types: string[] = [];
    for (const value of raw) {
      const event = JSON.parse(value.toString()) as { type: string; data: unknown; actor?: string; dataschema: string; source: string };
      const contract = publics.get(event.type);
      expect(contract).toBeDefined();
      types.push(contract!.eventType);
      expect(validatePublicData(contract!.eventType, contract!.schemaVersion, event.data)).toEqual({ valid: true, errors: [] });
      expect(event.actor).toBeUndefined();
      expect(event.dataschema).toBe(contract!.schema['$id']);
      expect(event.source).toBe('/cogov/party-building');
      expect(value.includes(Buffer.from('$pii'))).toBe(false);
      for (const secret of [...NAMES, PHONE]) expect(value.includes(Buffer.from(secret))).toBe(false);
    }
    expect(types.sort()).toEqual(['PartyActivityHeld', 'PartyMassesServiceCentreOpened', 'PartyOrganisationEstablished']);
  }, 60_000);
});
