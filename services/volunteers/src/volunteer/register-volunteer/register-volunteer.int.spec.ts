import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { validateEventData } from '@cogov/contracts';
import { eventsTopic, parseCloudEventType } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { errorOf, ID_NUMBER, NAME, PERSON_IN_CHARGE, PHONE, REGISTER, startVolunteersTestBed, volunteerInput, type VolunteersTestBed } from '../../../test/volunteers-fixtures.js';

describe('registerVolunteer', () => {
  let b: VolunteersTestBed;
  beforeAll(async () => {
    b = await startVolunteersTestBed('register_volunteer');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
  }, 30_000);

  it('registers a volunteer and answers with the personal fields in clear for the staff', async () => {
    const data = await b.ok<{ registerVolunteer: Record<string, unknown> }>(b.staff, REGISTER, { i: volunteerInput(b.communityId) });
    expect(data.registerVolunteer).toMatchObject({ communityId: b.communityId, status: 'active', name: NAME, phone: PHONE, idNumber: ID_NUMBER, skills: ['急救', '法律咨询'], teamIds: [] });
  });

  it("registers a party member's volunteer without personal fields of its own, and no other volunteer without them", async () => {
    const linkedTo = { kind: 'party_member', id: randomUUID() };
    const data = await b.ok<{ registerVolunteer: Record<string, unknown> }>(b.staff, REGISTER, {
      i: volunteerInput(b.communityId, { linkedTo, name: null, phone: null, idNumber: null }),
    });
    expect(data.registerVolunteer).toMatchObject({ linkedTo, name: null, phone: null, idNumber: null });
    const read = await b.ok<{ volunteer: Record<string, unknown> }>(b.analyst, `query ($id: ID!) { volunteer(id: $id) { name phone idNumber } }`, {
      id: data.registerVolunteer.id,
    });
    expect(read.volunteer).toEqual({ name: null, phone: null, idNumber: null });
    expect(errorOf(await b.t.graphql(b.staff, REGISTER, { i: volunteerInput(b.communityId, { name: null }) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('masks the personal fields for a read-only analyst, and lists the volunteer in its community', async () => {
    const id = await b.registerVolunteer();
    const res = await b.ok<{ volunteer: Record<string, string> }>(b.analyst, `query ($id: ID!) { volunteer(id: $id) { id name phone idNumber } }`, { id });
    expect(res.volunteer.name).not.toBe(NAME);
    expect(res.volunteer.phone).not.toBe(PHONE);
    expect(res.volunteer.idNumber).not.toBe(ID_NUMBER);
    const list = await b.ok<{ volunteersOfCommunity: { id: string }[] }>(b.staff, `query ($c: ID!) { volunteersOfCommunity(communityId: $c) { id } }`, { c: b.communityId });
    expect(list.volunteersOfCommunity.map((v) => v.id)).toContain(id);
  });

  it('rejects a bad phone, ID number and link kind as BAD_USER_INPUT naming the field', async () => {
    for (const [overrides, field] of [
      [{ phone: '12345' }, 'input.phone'],
      [{ idNumber: '110105194912310021' }, 'input.idNumber'],
      [{ linkedTo: { kind: 'friend', id: 'x' } }, 'input.linkedTo.kind'],
      [{ skills: [] }, 'input.skills'],
    ] as const) {
      expect(errorOf(await b.t.graphql(b.staff, REGISTER, { i: volunteerInput(b.communityId, overrides) }))).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('answers FORBIDDEN to staff of another community and to a read-only analyst', async () => {
    expect(errorOf(await b.t.graphql(b.outsider, REGISTER, { i: volunteerInput(b.communityId) })).code).toBe('FORBIDDEN');
    expect(errorOf(await b.t.graphql(b.analyst, REGISTER, { i: volunteerInput(b.communityId) })).code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for an unknown volunteer and FORBIDDEN for one outside your jurisdiction', async () => {
    const id = await b.registerVolunteer();
    expect(errorOf(await b.t.graphql(b.staff, `query { volunteer(id: "0190a000-0000-7000-8000-000000000000") { id } }`)).code).toBe('NOT_FOUND');
    expect(errorOf(await b.t.graphql(b.outsider, `query ($id: ID!) { volunteer(id: $id) { id } }`, { id })).code).toBe('FORBIDDEN');
  });

  it('publishes CloudEvents on cogov.volunteers.events whose data satisfies the contract and holds no plaintext personal data', async () => {
    await b.registerVolunteer();
    await b.publishOpportunity();
    const topic = eventsTopic('volunteers', b.t.config.topicPrefix);
    const kafka = new Kafka({ clientId: 'volunteers-int', brokers: b.t.config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${b.t.config.topicPrefix}.register-volunteer` });
    const raw: Buffer[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void (message.value && raw.push(message.value)) });
      const types = () => raw.map((v) => (JSON.parse(v.toString()) as { type: string }).type).join(' ');
      await eventually(() => /volunteer-registered/.test(types()) && /service-opportunity-published/.test(types()), {
        timeoutMs: 30_000,
        what: 'VolunteerRegistered and ServiceOpportunityPublished on Kafka',
      });
    } finally {
      await consumer.disconnect();
    }
    for (const value of raw) {
      const event = JSON.parse(value.toString()) as { type: string; data: unknown };
      const type = parseCloudEventType(event.type)!;
      const eventType = type.eventType.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      expect(validateEventData(eventType, type.schemaVersion, event.data)).toMatchObject({ valid: true });
      for (const secret of [NAME, ID_NUMBER, PHONE, PERSON_IN_CHARGE]) expect(value.includes(Buffer.from(secret))).toBe(false);
    }
  }, 45_000);
});
