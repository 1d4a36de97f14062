import { publicContractFor, publicTopic, toPublicData, validatePublicData } from '@cogov/contracts';
import type { RecordedEvent } from '@cogov/eventsourcing';
import { CE_HEADERS, CLOUDEVENTS_CONTENT_TYPE, toCloudEvent, type CloudEventKafkaMessage, type TopicSpec } from '@cogov/messaging';

const DAY_MS = 24 * 3_600_000;

/** The public topic of a context (ADR 0009): 6 partitions keyed by stream id, kept 30 days for partners to catch up. */
export function publicTopicSpec(context: string, prefix: string | undefined, replicationFactor?: number): TopicSpec {
  return { topic: publicTopic(context, prefix), partitions: 6, retentionMs: 30 * DAY_MS, ...(replicationFactor ? { replicationFactor } : {}) };
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
    const data = toPublicData(contract.schema, event.data);
    const check = validatePublicData(event.type, event.schemaVersion, data);
    if (!check.valid) {
      onInvalid(event, check.errors);
      return [];
    }
    const { actor: _actor, ...internal } = toCloudEvent(event, { source });
    const published = { ...internal, type: contract.cloudEventType, dataschema: String(contract.schema['$id']), data };
    return [
      {
        topic,
        message: {
          key: published.subject,
          value: JSON.stringify(published),
          headers: {
            [CE_HEADERS.contentType]: CLOUDEVENTS_CONTENT_TYPE,
            [CE_HEADERS.id]: published.id,
            [CE_HEADERS.type]: published.type,
            [CE_HEADERS.source]: published.source,
            [CE_HEADERS.subject]: published.subject,
            [CE_HEADERS.communityId]: published.communityid,
          },
        },
      },
    ];
  };
}
