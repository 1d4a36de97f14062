import type { RecordedEvent } from '@cogov/eventsourcing';

/**
 * CloudEvents 1.0 in structured mode (the Kafka protocol binding, §3.2): the Kafka value is the whole
 * event as JSON and `content-type` says so. Structured rather than binary mode because the value then is
 * self-contained: a DLQ copy, a `kcat` dump or a file export still carries every attribute.
 */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** A cogov event on the wire. Extension attribute names follow the spec: lower-case letters and digits. */
export interface CogovCloudEvent<Data = unknown> {
  specversion: '1.0';
  /** The event id (UUIDv7): the consumers' dedupe key. */
  id: string;
  /** The producing context, e.g. `/cogov/residents`. */
  source: string;
  /** `cn.cogov.<context>.<event-type>.v<schema version>` — see {@link cloudEventType}. */
  type: string;
  /** The stream id (also the Kafka key). */
  subject: string;
  /** When it happened (metadata.occurredAt), RFC 3339 in UTC. */
  time: string;
  datacontenttype: 'application/json';
  data: Data;
  communityid: string;
  correlationid: string;
  causationid: string;
  /** 1-based version of the event in its stream: lets a consumer detect a gap or an old duplicate. */
  streamversion: number;
  actor: string;
}

/**
 * Kafka headers duplicating the attributes consumers filter on, so a consumer (or a broker-side tool)
 * can skip a message without parsing its JSON value.
 */
export const CE_HEADERS = {
  contentType: 'content-type',
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  communityId: 'ce_communityid',
} as const;

export class InvalidCloudEventError extends Error {
  override readonly name = 'InvalidCloudEventError';
  constructor(readonly problems: string[]) {
    super(`not a valid cogov CloudEvent: ${problems.join('; ')}`);
  }
}

const TYPE_PATTERN = /^cn\.cogov\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z0-9]+(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)$/;
/** A public event's type (ADR 0009): `cn.cogov.public.<context>.<event>.v<n>`. */
const PUBLIC_TYPE_PATTERN = /^cn\.cogov\.public\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z0-9]+(?:-[a-z0-9]+)*)\.v([1-9][0-9]*)$/;

/** `AppealFiled` → `appeal-filed`, `PIIErased` → `pii-erased`, `Step2Done` → `step2-done`. */
function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/**
 * The one place a CloudEvents `type` is derived: `cloudEventType('residents', 'AppealFiled', 1)` is
 * `cn.cogov.residents.appeal-filed.v1`. The schema version is part of the type so a consumer can route
 * v1 and v2 payloads apart without looking into `data`.
 */
export function cloudEventType(context: string, eventType: string, schemaVersion: number): string {
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new RangeError(`schema version must be a positive integer, got ${schemaVersion}`);
  }
  const type = `cn.cogov.${kebabCase(context)}.${kebabCase(eventType)}.v${schemaVersion}`;
  if (!TYPE_PATTERN.test(type)) throw new RangeError(`cannot derive a CloudEvents type from ${context}/${eventType}`);
  return type;
}

/** The parts of a cogov CloudEvents type, or undefined when the type is not one of ours. */
export function parseCloudEventType(type: string): { context: string; eventType: string; schemaVersion: number } | undefined {
  const [, context, eventType, version] = TYPE_PATTERN.exec(type) ?? [];
  if (!context || !eventType || !version) return undefined;
  return { context, eventType, schemaVersion: Number(version) };
}

export interface CloudEventOptions {
  /** CloudEvents `source`, e.g. `/cogov/residents`. */
  source: string;
  /** Context name used in `type`; defaults to the last path segment of `source`. */
  context?: string;
}

export function toCloudEvent(recorded: RecordedEvent, { source, context }: CloudEventOptions): CogovCloudEvent {
  const contextName = context ?? source.split('/').filter(Boolean).pop();
  if (!source || !contextName) throw new RangeError(`CloudEvents source '${source}' names no context`);
  const occurredAt = new Date(recorded.metadata.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) {
    throw new RangeError(`event ${recorded.metadata.eventId} has no valid occurredAt ('${recorded.metadata.occurredAt}')`);
  }
  return {
    specversion: '1.0',
    id: recorded.metadata.eventId,
    source,
    type: cloudEventType(contextName, recorded.type, recorded.schemaVersion),
    subject: recorded.streamId,
    time: occurredAt.toISOString(),
    datacontenttype: 'application/json',
    data: recorded.data,
    communityid: recorded.metadata.communityId,
    correlationid: recorded.metadata.correlationId,
    causationid: recorded.metadata.causationId,
    streamversion: recorded.streamVersion,
    actor: recorded.metadata.actor,
  };
}

/** A Kafka message as the producer wants it (key = stream id, so one stream stays on one partition). */
export interface CloudEventKafkaMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function toKafkaMessage(event: Omit<CogovCloudEvent, 'actor'>): CloudEventKafkaMessage {
  return {
    key: event.subject,
    value: JSON.stringify(event),
    headers: {
      [CE_HEADERS.contentType]: CLOUDEVENTS_CONTENT_TYPE,
      [CE_HEADERS.id]: event.id,
      [CE_HEADERS.type]: event.type,
      [CE_HEADERS.source]: event.source,
      [CE_HEADERS.subject]: event.subject,
      [CE_HEADERS.communityId]: event.communityid,
    },
  };
}

/** The shape of a received Kafka message that parsing needs (kafkajs's KafkaMessage fits). */
export interface ReceivedMessage {
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

/** A header as a string (kafkajs hands headers over as Buffers). */
export function headerValue(message: Pick<ReceivedMessage, 'headers'>, name: string): string | undefined {
  const raw = message.headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Which envelope a consumer expects: the internal one, or the public one partners get (ADR 0009). */
export type CloudEventEnvelope = 'internal' | 'public';

/**
 * Parses and validates a structured-mode cogov CloudEvent; throws {@link InvalidCloudEventError} listing
 * every problem found, so a dead-lettered message says all that is wrong with it at once.
 *
 * The public envelope (a public topic's) has a `cn.cogov.public.…` type and a `dataschema`, and must not have an
 * `actor`; it is returned with `actor` set to `''`, so consumers of either envelope share one type.
 */
export function parseCloudEvent<Data = unknown>(message: ReceivedMessage, envelope: CloudEventEnvelope = 'internal'): CogovCloudEvent<Data> {
  const contentType = headerValue(message, CE_HEADERS.contentType);
  if (contentType !== undefined && (contentType.split(';')[0] ?? '').trim().toLowerCase() !== CLOUDEVENTS_CONTENT_TYPE) {
    throw new InvalidCloudEventError([`content-type is '${contentType}', expected ${CLOUDEVENTS_CONTENT_TYPE}`]);
  }
  if (message.value === null || message.value.length === 0) throw new InvalidCloudEventError(['empty value']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString());
  } catch (error) {
    throw new InvalidCloudEventError([`value is not JSON (${(error as Error).message})`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidCloudEventError(['value is not a JSON object']);
  }
  const event = parsed as Record<string, unknown>;
  const problems: string[] = [];
  const nonEmptyString = (name: string) => {
    if (typeof event[name] !== 'string' || (event[name] as string).length === 0) problems.push(`${name} must be a non-empty string`);
  };
  if (event.specversion !== '1.0') problems.push(`specversion must be '1.0', got ${JSON.stringify(event.specversion)}`);
  for (const name of ['id', 'source', 'subject', 'communityid', 'correlationid', 'causationid']) nonEmptyString(name);
  if (envelope === 'internal') {
    nonEmptyString('actor');
    if (typeof event.type !== 'string' || !TYPE_PATTERN.test(event.type)) {
      problems.push(`type must look like cn.cogov.<context>.<event>.v<n>, got ${JSON.stringify(event.type)}`);
    }
  } else {
    nonEmptyString('dataschema');
    if ('actor' in event) problems.push('a public event has no actor');
    if (typeof event.type !== 'string' || !PUBLIC_TYPE_PATTERN.test(event.type)) {
      problems.push(`type must look like cn.cogov.public.<context>.<event>.v<n>, got ${JSON.stringify(event.type)}`);
    }
  }
  if (typeof event.time !== 'string' || !RFC3339.test(event.time) || Number.isNaN(Date.parse(event.time))) {
    problems.push(`time must be an RFC 3339 timestamp, got ${JSON.stringify(event.time)}`);
  }
  if (event.datacontenttype !== 'application/json') {
    problems.push(`datacontenttype must be application/json, got ${JSON.stringify(event.datacontenttype)}`);
  }
  if (typeof event.data !== 'object' || event.data === null) problems.push('data must be a JSON object');
  if (!Number.isInteger(event.streamversion) || (event.streamversion as number) < 1) {
    problems.push(`streamversion must be a positive integer, got ${JSON.stringify(event.streamversion)}`);
  }
  const headerId = headerValue(message, CE_HEADERS.id);
  if (headerId !== undefined && headerId !== event.id) problems.push(`header ce_id '${headerId}' differs from id`);
  if (problems.length > 0) throw new InvalidCloudEventError(problems);
  return (envelope === 'public' ? { ...event, actor: '' } : event) as unknown as CogovCloudEvent<Data>;
}
