import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';
import { uuidv7, type RecordedEvent } from '@cogov/eventsourcing';
import { eventsTopic, toCloudEvent, toKafkaMessage } from '@cogov/messaging';
import { CommunityDirectory } from '@cogov/service-kit';
import { eventually, startServiceApp, type ServiceTestApp } from '@cogov/testing';
import { REGISTER, errorOf, volunteerInput } from '../../test/volunteers-fixtures.js';
import { AppModule } from '../app.module.js';
import { loadConfig, type VolunteersConfig } from '../infrastructure/config.js';

/** The residents' CommunityRegistered as its relay publishes it. */
function communityRegistered(communityId: string, streetId: string): RecordedEvent {
  const eventId = uuidv7();
  return {
    type: 'CommunityRegistered',
    data: { communityId, name: '和平里社区', streetId, streetName: '和平里街道' },
    schemaVersion: 1,
    metadata: { eventId, actor: 'user:admin-1', communityId, correlationId: randomUUID(), causationId: eventId, occurredAt: new Date().toISOString() },
    streamId: `community-${communityId}`,
    streamVersion: 1,
    globalPosition: '1',
    transactionId: '1',
    recordedAt: new Date().toISOString(),
  };
}

describe('street-wide roles in volunteers (communities learnt from residents)', () => {
  let t: ServiceTestApp<VolunteersConfig>;
  let producer: Producer;
  beforeAll(async () => {
    t = await startServiceApp({ hint: 'street_admin_jurisdiction', loadConfig, module: (config) => AppModule.forRoot(config) });
    producer = new Kafka({ brokers: t.config.kafkaBrokers, clientId: 'street-admin-test', logLevel: logLevel.NOTHING }).producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  }, 60_000);
  afterAll(async () => {
    await producer?.disconnect();
    await t?.close();
  }, 30_000);

  it('lets a street admin act in a community of its street once CommunityRegistered is consumed, and not in another street', async () => {
    const [street, otherStreet] = [randomUUID(), randomUUID()];
    const [community, otherCommunity] = [uuidv7(), uuidv7()];
    const admin = await t.token({ roles: ['street_admin'], streetIds: [street], subject: 'street-admin-1' });

    // Before the residents' event arrives the community's street is unknown: refused.
    expect(errorOf(await t.graphql(admin, REGISTER, { i: volunteerInput(community) })).code).toBe('FORBIDDEN');

    await producer.send({
      topic: eventsTopic('residents', t.config.topicPrefix),
      acks: -1,
      messages: [communityRegistered(community, street), communityRegistered(otherCommunity, otherStreet)].map((e) =>
        toKafkaMessage(toCloudEvent(e, { source: '/cogov/residents' })),
      ),
    });
    const directory = t.app.get(CommunityDirectory);
    await eventually(async () => (await directory.streetOf(otherCommunity)) === otherStreet && (await directory.streetOf(community)) === street, {
      what: 'both communities known',
      timeoutMs: 30_000,
    });

    const res = await eventually(
      async () => {
        const r = await t.graphql<{ registerVolunteer: { communityId: string } }>(admin, REGISTER, { i: volunteerInput(community) });
        return r.errors ? undefined : r;
      },
      { what: 'the street admin accepted in its community' },
    );
    expect(res.data?.registerVolunteer.communityId).toBe(community);
    expect(errorOf(await t.graphql(admin, REGISTER, { i: volunteerInput(otherCommunity) })).code).toBe('FORBIDDEN');
  }, 60_000);
});
