import { Kafka, logLevel } from 'kafkajs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { parseCloudEventType, eventsTopic } from '@cogov/messaging';
import { validateEventData } from '@cogov/contracts';
import { eventually } from '@cogov/testing';
import { AppModule } from '../src/app.module.js';
import { EscalationScheduler } from '../src/appeal/escalate-overdue-appeals/escalation.scheduler.js';
import { startResidentsApp, type ResidentsTestApp } from './residents-test-app.js';

const NAME = '欧阳明月';
const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

describe('appeal flow end to end', () => {
  let t: ResidentsTestApp;
  let staff: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startResidentsApp('appeal_flow');
    const admin = await t.token({ roles: ['street_admin'], streetIds: ['street-e2e'] });
    const community = await t.graphql<{ registerCommunity: { id: string } }>(
      admin,
      `mutation { registerCommunity(input: { name: "幸福里社区", streetId: "street-e2e", streetName: "朝阳街道" }) { id } }`,
    );
    ids.community = community.data!.registerCommunity.id;
    staff = await t.token({ roles: ['community_staff'], communityIds: [ids.community] });
    const grid = await t.graphql<{ delineateGrid: { grids: { id: string }[] } }>(
      staff,
      `mutation ($c: ID!) { delineateGrid(input: { communityId: $c, name: "第一网格" }) { grids { id } } }`,
      { c: ids.community },
    );
    ids.grid = grid.data!.delineateGrid.grids[0]!.id;
    const household = await t.graphql<{ registerHousehold: { id: string } }>(
      staff,
      `mutation ($c: ID!, $g: ID!) { registerHousehold(input: { communityId: $c, gridId: $g, address: { compound: "幸福小区", building: "3", unit: "2", room: "301" } }) { id } }`,
      { c: ids.community, g: ids.grid },
    );
    ids.household = household.data!.registerHousehold.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('publishes a CloudEvent that matches its schema and carries no plaintext personal data', async () => {
    const moved = await t.graphql<{ moveResidentIn: { id: string; name: string; idNumber: string } }>(
      staff,
      `mutation ($i: MoveResidentInInput!) { moveResidentIn(input: $i) { id name idNumber phone vulnerableGroups } }`,
      { i: { householdId: ids.household, communityId: ids.community, gridId: ids.grid, name: NAME, idNumber: ID_NUMBER, phone: PHONE, movedInOn: '2026-10-01' } },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.moveResidentIn).toMatchObject({ name: NAME, idNumber: ID_NUMBER });
    ids.resident = moved.data!.moveResidentIn.id;

    const filed = await t.graphql<{ fileAppeal: { id: string; status: string } }>(
      staff,
      `mutation ($i: FileAppealInput!) { fileAppeal(input: $i) { id status } }`,
      { i: { communityId: ids.community, gridId: ids.grid, channel: 'hotline', category: 'utilities.water', description: `${NAME} 家漏水`, location: '3-2-301', residentId: ids.resident } },
    );
    expect(filed.errors).toBeUndefined();
    ids.appeal = filed.data!.fileAppeal.id;

    const topic = eventsTopic('residents', t.config.topicPrefix);
    const kafka = new Kafka({ clientId: 'e2e', brokers: t.config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${t.config.topicPrefix}.e2e` });
    const raw: Buffer[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void (message.value && raw.push(message.value)) });
      await eventually(() => raw.some((v) => v.toString().includes('AppealFiled') || v.toString().includes('appeal-filed')), {
        timeoutMs: 30_000,
        what: 'AppealFiled on Kafka',
      });
    } finally {
      await consumer.disconnect();
    }
    for (const value of raw) {
      const event = JSON.parse(value.toString()) as { type: string; data: unknown };
      const type = parseCloudEventType(event.type)!;
      const eventType = type.eventType.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      expect(validateEventData(eventType, type.schemaVersion, event.data)).toMatchObject({ valid: true });
      for (const secret of [NAME, ID_NUMBER, PHONE]) expect(value.includes(Buffer.from(secret))).toBe(false);
    }
  }, 60_000);

  it('shows erased personal data as [erased] right after erasePersonalData', async () => {
    await t.catchUp();
    const erase = await t.graphql(staff, `mutation ($r: ID!) { erasePersonalData(input: { residentId: $r }) { id personalDataErased } }`, { r: ids.resident });
    expect(erase.errors).toBeUndefined();
    await t.catchUp();
    const resident = await t.graphql<{ resident: Record<string, unknown> }>(staff, `query ($r: ID!) { resident(id: $r) { name idNumber phone } }`, { r: ids.resident });
    expect(resident.data?.resident).toEqual({ name: '[erased]', idNumber: '[erased]', phone: '[erased]' });
    const appeal = await t.graphql<{ appeal: { description: string } }>(staff, `query ($a: ID!) { appeal(id: $a) { description } }`, { a: ids.appeal });
    expect(appeal.data?.appeal.description).toBe('[erased]');
  }, 30_000);

  it('escalates an overdue appeal exactly once with two schedulers racing', async () => {
    for (const mutation of [
      `mutation ($a: ID!) { acceptAppeal(input: { appealId: $a }) { status } }`,
      `mutation ($a: ID!) { dispatchAppeal(input: { appealId: $a, stakeholder: { kind: "property_company", id: "pm-001" } }) { status deadline } }`,
    ]) {
      const res = await t.graphql(staff, mutation, { a: ids.appeal });
      expect(res.errors).toBeUndefined();
    }
    await t.catchUp();
    // A second instance of the service on the same database: its own scheduler, pools and caches.
    const second = await NestFactory.create(AppModule.forRoot({ ...t.config, relayEnabled: false }), new FastifyAdapter(), { logger: false });
    await second.init();
    try {
      const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
      await Promise.all([t.app.get(EscalationScheduler).escalateOverdue(later), second.get(EscalationScheduler).escalateOverdue(later)]);
      await Promise.all([t.app.get(EscalationScheduler).escalateOverdue(later), second.get(EscalationScheduler).escalateOverdue(later)]);
    } finally {
      await second.close();
    }
    const { rows } = await t.db.pool.query(`select count(*)::int as n from es_events where event_type = 'AppealEscalated' and stream_id = $1`, [`appeal-${ids.appeal}`]);
    expect(rows[0].n).toBe(1);
  }, 60_000);
});
