import { randomUUID } from 'node:crypto';
import { publicContractFor, publicTopic } from '@cogov/contracts';
import { toKafkaMessage } from '@cogov/messaging';
import { Kafka, Partitioners, logLevel, type Producer } from 'kafkajs';

/** A public CloudEvent as a producing service's relay publishes it (ADR 0009), for the tests to put on a public topic. */
export interface PublicEventSpec {
  context: string;
  eventType: string;
  stream: string;
  version: number;
  communityId: string;
  data: Record<string, unknown>;
  time?: string;
  id?: string;
}

export function publicEvent(spec: PublicEventSpec) {
  const contract = publicContractFor(spec.eventType, 1);
  if (!contract) throw new Error(`${spec.eventType} is not public`);
  const id = spec.id ?? randomUUID();
  return {
    specversion: '1.0' as const,
    id,
    source: `/cogov/${spec.context}`,
    type: contract.cloudEventType,
    subject: spec.stream,
    time: spec.time ?? new Date().toISOString(),
    datacontenttype: 'application/json' as const,
    data: spec.data,
    communityid: spec.communityId,
    correlationid: id,
    causationid: id,
    streamversion: spec.version,
    dataschema: String(contract.schema['$id']),
  };
}

/** One of an appeal's public events: filed at version 1, accepted after — only their envelope matters to the webhooks service. */
export function appealEvent(appealId: string, version: number, communityId: string, time?: string) {
  return publicEvent({
    context: 'residents',
    eventType: version === 1 ? 'AppealFiled' : 'AppealAccepted',
    stream: `appeal-${appealId}`,
    version,
    communityId,
    data: { appealId, communityId, step: version },
    ...(time ? { time } : {}),
  });
}

export class PublicTopics {
  private constructor(
    private readonly producer: Producer,
    private readonly prefix: string | undefined,
  ) {}

  static async connect(brokers: string[], prefix: string | undefined): Promise<PublicTopics> {
    const producer = new Kafka({ clientId: 'webhooks-test', brokers, logLevel: logLevel.NOTHING }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    return new PublicTopics(producer, prefix);
  }

  async publish(...events: ReturnType<typeof publicEvent>[]): Promise<void> {
    for (const event of events) {
      const context = event.source.split('/').pop()!;
      await this.producer.send({ topic: publicTopic(context, this.prefix), acks: -1, messages: [toKafkaMessage(event)] });
    }
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}
