import { Kafka, logLevel } from 'kafkajs';
import { validateEventData } from '@cogov/contracts';
import { eventsTopic, parseCloudEventType } from '@cogov/messaging';
import { eventually } from '@cogov/testing';
import { COMMUNITY, OTHER_COMMUNITY, givenCompound, startPropertyApp, type PropertyTestApp } from '../../../test/property-test-app.js';

const RESULT = `result { outcome rule { headcount participation { text } } roll { areaHundredthM2 owners units }
  tally { for { owners } against { owners } abstain { owners } }
  turnout { part { areaHundredthM2 owners } whole { areaHundredthM2 owners } threshold { text } areaMet ownersMet met }
  decision { part { areaHundredthM2 owners } whole { areaHundredthM2 owners } threshold { text } areaMet ownersMet met } explanation }`;
const FIELDS = `id compoundId communityId matter thresholdClass status ballotsCast roll { unitId ownerId areaHundredthM2 } ${RESULT}`;
const CONVENE = `mutation ($i: ConveneOwnersAssemblyInput!) { conveneOwnersAssembly(input: $i) { ${FIELDS} } }`;
const RECORD = `mutation ($i: RecordOwnerOnRollInput!) { recordOwnerOnRoll(input: $i) { ${FIELDS} } }`;
const OPEN = `mutation ($i: OpenAssemblyVotingInput!) { openAssemblyVoting(input: $i) { ${FIELDS} } }`;
const CAST = `mutation ($i: CastMotionBallotInput!) { castMotionBallot(input: $i) { ${FIELDS} } }`;
const COUNT = `mutation ($i: CountAssemblyVoteInput!) { countAssemblyVote(input: $i) { ${FIELDS} } }`;
const UNKNOWN = '0190a000-0000-7000-8000-00000000dead';
/** Three units of 100 m² each; owner-c holds two of them (one person by the per-owner headcount). */
const ROLL = [
  { unitId: 'u-101', ownerId: 'owner-a', areaHundredthM2: 10_000 },
  { unitId: 'u-102', ownerId: 'owner-b', areaHundredthM2: 10_000 },
  { unitId: 'u-201', ownerId: 'owner-c', areaHundredthM2: 10_000 },
  { unitId: 'u-202', ownerId: 'owner-c', areaHundredthM2: 10_000 },
];

type Assembly = { id: string; status: string; ballotsCast: number; result: { outcome: string; explanation: string[] } | null };

describe("owners' assembly mutations and queries", () => {
  let t: PropertyTestApp;
  let staff: string;
  let compoundId: string;
  const ok = async (query: string, input: Record<string, unknown>): Promise<Assembly> => {
    const res = await t.graphql<Record<string, Assembly>>(staff, query, { i: input });
    expect(res.errors).toBeUndefined();
    return Object.values(res.data!)[0]!;
  };
  const convene = async (matter: string) => (await ok(CONVENE, { compoundId, matter, motion: '使用专项维修资金更换3号楼电梯' })).id;
  const votingOn = async (matter: string) => {
    const assemblyId = await convene(matter);
    for (const entry of ROLL) await ok(RECORD, { assemblyId, ...entry });
    await ok(OPEN, { assemblyId });
    return assemblyId;
  };

  beforeAll(async () => {
    t = await startPropertyApp('property_assembly');
    staff = await t.token({ roles: ['community_staff'], communityIds: [COMMUNITY] });
    compoundId = await givenCompound(t, staff);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  }, 30_000);

  it('convenes, records the roll, opens, takes ballots and counts with a self-explaining result', async () => {
    const assemblyId = await convene('maintenance_fund');
    for (const entry of ROLL) await ok(RECORD, { assemblyId, ...entry });
    const opened = await ok(OPEN, { assemblyId });
    expect(opened).toMatchObject({ status: 'voting', thresholdClass: 'special', roll: ROLL });
    await ok(CAST, { assemblyId, unitId: 'u-101', choice: 'for' });
    await ok(CAST, { assemblyId, unitId: 'u-201', choice: 'for' });
    const cast = await ok(CAST, { assemblyId, unitId: 'u-202', choice: 'for' });
    expect(cast.ballotsCast).toBe(3);
    const counted = await ok(COUNT, { assemblyId });
    // 300 of 400 m² (≥ 2/3 met) and 2 of 3 owners (≥ 2/3 met) took part; all of them for: ≥ 3/4 met.
    expect(counted).toMatchObject({
      status: 'counted',
      result: {
        outcome: 'adopted',
        rule: { headcount: 'per_owner', participation: { text: '≥ 2/3' } },
        roll: { areaHundredthM2: 40_000, owners: 3, units: 4 },
        tally: { for: { owners: 2 }, against: { owners: 0 }, abstain: { owners: 0 } },
        turnout: { part: { areaHundredthM2: 30_000, owners: 2 }, whole: { areaHundredthM2: 40_000, owners: 3 }, threshold: { text: '≥ 2/3' }, areaMet: true, ownersMet: true, met: true },
        decision: { threshold: { text: '≥ 3/4' }, met: true },
      },
    });
    expect(counted.result?.explanation).toEqual([
      'turnout: area 300.00 m² of 400.00 m² ≥ 2/3 met; owners 2 of 3 ≥ 2/3 met',
      'special decision (in favour of participants): area 300.00 m² of 300.00 m² ≥ 3/4 met; owners 2 of 2 ≥ 3/4 met',
      'outcome: adopted (headcount per_owner)',
    ]);
    const read = await t.graphql<{ ownersAssembly: Assembly }>(staff, `query ($id: ID!) { ownersAssembly(id: $id) { ${FIELDS} } }`, { id: assemblyId });
    expect(read.data?.ownersAssembly).toEqual(counted);
  });

  it('says which rule failed: too few owners took part', async () => {
    const assemblyId = await votingOn('management_rules');
    await ok(CAST, { assemblyId, unitId: 'u-201', choice: 'for' });
    await ok(CAST, { assemblyId, unitId: 'u-202', choice: 'for' });
    const counted = await ok(COUNT, { assemblyId });
    expect(counted.result).toMatchObject({ outcome: 'invalid_turnout', turnout: { areaMet: false, ownersMet: false, met: false } });
    expect(counted.result?.explanation[0]).toBe('turnout: area 200.00 m² of 400.00 m² ≥ 2/3 not met; owners 1 of 3 ≥ 2/3 not met');
  });

  it('names bad fields (BAD_USER_INPUT) before anything is stored', async () => {
    const assemblyId = await convene('procedural_rules');
    const matter = await t.graphql(staff, CONVENE, { i: { compoundId, matter: 'committee_election', motion: '选举' } });
    expect(matter.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.matter' });
    const area = await t.graphql(staff, RECORD, { i: { assemblyId, unitId: 'u-1', ownerId: 'o-1', areaHundredthM2: 0 } });
    expect(area.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.areaHundredthM2' });
    const open = await t.graphql(staff, OPEN, { i: { assemblyId: 'abc' } });
    expect(open.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.assemblyId' });
    const choice = await t.graphql(staff, CAST, { i: { assemblyId, unitId: 'u-101', choice: 'yes' } });
    expect(choice.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.choice' });
    const count = await t.graphql(staff, COUNT, { i: { assemblyId: '' } });
    expect(count.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.assemblyId' });
  });

  it('refuses wrong-state moves (CONFLICT), unknown assemblies (NOT_FOUND) and outsiders (FORBIDDEN)', async () => {
    const assemblyId = await convene('procedural_rules');
    const emptyRoll = await t.graphql(staff, OPEN, { i: { assemblyId } });
    expect(emptyRoll.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATE' });
    const early = await t.graphql(staff, COUNT, { i: { assemblyId } });
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const voting = await votingOn('procedural_rules');
    await ok(CAST, { assemblyId: voting, unitId: 'u-101', choice: 'for' });
    const changed = await t.graphql(staff, CAST, { i: { assemblyId: voting, unitId: 'u-101', choice: 'against' } });
    expect(changed.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const frozen = await t.graphql(staff, RECORD, { i: { assemblyId: voting, unitId: 'u-999', ownerId: 'o-9', areaHundredthM2: 100 } });
    expect(frozen.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const unknown = await t.graphql(staff, COUNT, { i: { assemblyId: UNKNOWN } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noCompound = await t.graphql(staff, CONVENE, { i: { compoundId: UNKNOWN, matter: 'procedural_rules', motion: 'x' } });
    expect(noCompound.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outsider = await t.token({ roles: ['community_staff'], communityIds: [OTHER_COMMUNITY] });
    const forbidden = await t.graphql(outsider, CAST, { i: { assemblyId: voting, unitId: 'u-102', choice: 'for' } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await t.graphql(outsider, `query ($id: ID!) { ownersAssembly(id: $id) { id } }`, { id: voting });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes its events to Kafka as CloudEvents whose data matches the public contracts', async () => {
    const assemblyId = await votingOn('procedural_rules');
    await ok(CAST, { assemblyId, unitId: 'u-101', choice: 'for' });
    await ok(COUNT, { assemblyId });
    const topic = eventsTopic('property', t.config.topicPrefix);
    const kafka = new Kafka({ clientId: 'property-int', brokers: t.config.kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${t.config.topicPrefix}.property-int` });
    const raw: Buffer[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void (message.value && raw.push(message.value)) });
      await eventually(() => raw.some((v) => v.toString().includes(assemblyId) && v.toString().includes('owners-assembly-motion-counted')), {
        timeoutMs: 30_000,
        what: 'OwnersAssemblyMotionCounted on Kafka',
      });
    } finally {
      await consumer.disconnect();
    }
    const types = new Set<string>();
    for (const value of raw) {
      const event = JSON.parse(value.toString()) as { specversion: string; type: string; data: unknown };
      expect(event.specversion).toBe('1.0');
      const type = parseCloudEventType(event.type)!;
      const eventType = type.eventType.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
      types.add(eventType);
      expect(validateEventData(eventType, type.schemaVersion, event.data)).toMatchObject({ valid: true });
    }
    expect([...types]).toEqual(expect.arrayContaining(['CompoundRegistered', 'OwnersAssemblyConvened', 'OwnersAssemblyRollEntryRecorded', 'OwnersAssemblyMotionCounted']));
  }, 60_000);
});
