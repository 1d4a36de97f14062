import { Kafka, logLevel } from 'kafkajs';
import { validateEventData } from '@cogov/contracts';
import { eventsTopic, parseCloudEventType } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { FILE, RECORD_ELECTION, electedCommittee, formGroup, ok } from '../../../test/owners-committee-fixtures.js';
import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const FILING = { filedWith: 'street-chaoyang', filingNumber: '朝业备〔2026〕17号' };
const FACTS = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Community { compoundsWithOwnersCommittee } } }`;

describe('fileOwnersCommittee', () => {
  let t: PropertyTestApp;
  let staff: string;
  const filedCount = async () =>
    (await t.graphql<{ _entities: { compoundsWithOwnersCommittee: number }[] }>(staff, FACTS, { r: [{ __typename: 'Community', id: COMMUNITY }] })).data?._entities[0]
      ?.compoundsWithOwnersCommittee;

  beforeAll(async () => {
    t = await startPropertyApp('property_file_committee');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it("files the elected committee, which the Community's compoundsWithOwnersCommittee then counts", async () => {
    expect(await filedCount()).toBe(0);
    const { committeeId, assemblyId } = await electedCommittee(t, staff, await givenCompound(t, staff));
    await ok(t, staff, RECORD_ELECTION, { committeeId, assemblyId });
    expect(await filedCount()).toBe(0);
    const filed = await ok(t, staff, FILE, { committeeId, ...FILING });
    expect(filed).toMatchObject({ id: committeeId, status: 'filed', memberIds: ['owner-a', 'owner-c'], ...FILING });
    expect(await filedCount()).toBe(1);
    expect(await ok(t, staff, FILE, { committeeId, ...FILING })).toMatchObject({ status: 'filed' });
    const other = await t.graphql(staff, FILE, { i: { committeeId, ...FILING, filingNumber: '朝业备〔2026〕18号' } });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
  });

  it('refuses filing before the election (CONFLICT), names bad input (BAD_USER_INPUT), refuses outsiders (FORBIDDEN)', async () => {
    const committeeId = await formGroup(t, staff, await givenCompound(t, staff));
    const early = await t.graphql(staff, FILE, { i: { committeeId, ...FILING } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const office = await t.graphql(staff, FILE, { i: { committeeId, ...FILING, filedWith: 'street office' } });
    expect(office.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.filedWith' });
    const number = await t.graphql(staff, FILE, { i: { committeeId, ...FILING, filingNumber: '' } });
    expect(number.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.filingNumber' });
    const unknown = await t.graphql(staff, FILE, { i: { committeeId: '0190a000-0000-7000-8000-00000000dead', ...FILING } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    expect((await t.graphql(outsider, FILE, { i: { committeeId, ...FILING } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(outsider, FACTS, { r: [{ __typename: 'Community', id: COMMUNITY }] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("publishes the committee's and the election's events to Kafka as CloudEvents matching the public contracts", async () => {
    const { committeeId, assemblyId } = await electedCommittee(t, staff, await givenCompound(t, staff));
    await ok(t, staff, RECORD_ELECTION, { committeeId, assemblyId });
    await ok(t, staff, FILE, { committeeId, ...FILING });
    const topic = eventsTopic('property', t.config.topicPrefix);
    const kafka = new Kafka({ clientId: 'property-int', brokers: t.config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${t.config.topicPrefix}.property-int` });
    const raw: Buffer[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void (message.value && raw.push(message.value)) });
      await eventually(() => raw.some((v) => v.toString().includes(committeeId) && v.toString().includes('owners-committee-filed')), {
        timeoutMs: 30_000,
        what: 'OwnersCommitteeFiled on Kafka',
      });
    } finally {
      await consumer.disconnect();
    }
    const types = new Set<string>();
    for (const value of raw) {
      const event = JSON.parse(value.toString()) as { type: string; data: unknown };
      const type = parseCloudEventType(event.type)!;
      const eventType = type.eventType.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      types.add(eventType);
      expect(validateEventData(eventType, type.schemaVersion, event.data)).toMatchObject({ valid: true });
    }
    expect([...types]).toEqual(
      expect.arrayContaining([
        'OwnersCommitteePreparatoryGroupFormed',
        'OwnersAssemblyCandidateNominated',
        'OwnersAssemblyElectionBallotCast',
        'OwnersAssemblyElectionCounted',
        'OwnersCommitteeElected',
        'OwnersCommitteeFiled',
      ]),
    );
  }, 60_000);
});
