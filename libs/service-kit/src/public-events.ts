import { publicContractFor, publicTopic, toPublicData, validatePublicData, type PublicContract } from '@cogov/contracts';
import type { RecordedEvent } from '@cogov/eventsourcing';
import { toCloudEvent, toKafkaMessage, type CloudEventKafkaMessage, type CogovCloudEvent, type TopicSpec } from '@cogov/messaging';

const DAY_MS = 24 * 3_600_000;

/** The public topic of a context (ADR 0009): 6 partitions keyed by stream id, kept 30 days for partners to catch up. */
export function publicTopicSpec(context: string, prefix: string | undefined, replicationFactor?: number): TopicSpec {
  return { topic: publicTopic(context, prefix), partitions: 6, retentionMs: 30 * DAY_MS, ...(replicationFactor ? { replicationFactor } : {}) };
}

/** A public CloudEvent as partners receive it (ADR 0009): the internal envelope without `actor`, public type and schema. */
export type PublicCloudEvent = Omit<CogovCloudEvent, 'actor'> & { dataschema: string };

/**
 * The public form of an internal CloudEvent under its public contract: public type and `dataschema`, the data
 * projected to what the contract has, no `actor`. Not validated here: the relay validates before publishing.
 */
export function toPublicCloudEvent(event: Omit<CogovCloudEvent, 'actor'> & { actor?: string }, contract: PublicContract): PublicCloudEvent {
  const { actor: _actor, ...internal } = event;
  return { ...internal, type: contract.cloudEventType, dataschema: String(contract.schema['$id']), data: toPublicData(contract.schema, event.data) };
}

/**
 * The relay's `alsoPublish` for a context's public topic: each stored event on the public list, as its public
 * contract has it — personal fields, person ids and free texts about people left out (`toPublicData`), checked
 * against the public schema, CloudEvents type `cn.cogov.public.…`, no `actor`. An event whose public form does not
 * validate is never published (`onInvalid` reports it): a public topic carries only what its contract says.
 * The event store has upcast stored events to their newest version before the relay sees them.
 */
export function publicEvents(
  context: string,
  prefix: string | undefined,
  onInvalid: (event: RecordedEvent, errors: readonly string[]) => void,
): (event: RecordedEvent) => Array<{ topic: string; message: CloudEventKafkaMessage }> {
  const topic = publicTopic(context, prefix);
  const source = `/cogov/${context}`;
  return (event) => {
    const contract = publicContractFor(event.type, event.schemaVersion);
    if (!contract || contract.context !== context) return [];
    const published = toPublicCloudEvent(toCloudEvent(event, { source }), contract);
    const check = validatePublicData(event.type, event.schemaVersion, published.data);
    if (!check.valid) {
      onInvalid(event, check.errors);
      return [];
    }
    return [{ topic, message: toKafkaMessage(published) }];
  };
}
