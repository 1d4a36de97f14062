import type { JsonSchema } from './json-schema.js';
import { PUBLIC_EVENTS, allPublicContracts, publicTopic, type PublicContract } from './public.js';

/**
 * The AsyncAPI 3 document of the public topics (docs/asyncapi.json), generated from the public contracts so it
 * cannot drift: a test compares the file with this output and validates it with `@asyncapi/parser`.
 */
const pascal = (text: string): string => text.replace(/(^|[-_])([a-z])/g, (_, __, c: string) => c.toUpperCase());
const messageName = (c: PublicContract): string => `${c.eventType}V${c.schemaVersion}`;
const channelName = (context: string): string => `${pascal(context)}Public`;

/** The CloudEvents 1.0 envelope (structured JSON) around a public event's data. No `actor`: who acted is not public. */
function envelope(c: PublicContract): JsonSchema {
  const { examples, ...data } = c.schema;
  const example = (examples as unknown[] | undefined)?.[0];
  return {
    type: 'object',
    additionalProperties: false,
    required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'communityid', 'correlationid', 'causationid', 'streamversion', 'data'],
    properties: {
      specversion: { const: '1.0' },
      id: { type: 'string', description: 'The event id (UUIDv7), the same as internally: dedupe on it.' },
      source: { const: `/cogov/${c.context}` },
      type: { const: c.cloudEventType },
      subject: { type: 'string', description: 'The stream id (also the Kafka key): events of one stream arrive in order.' },
      time: { type: 'string', format: 'date-time', description: 'When it happened, UTC.' },
      datacontenttype: { const: 'application/json' },
      dataschema: { const: String(data['$id']) },
      communityid: { type: 'string' },
      correlationid: { type: 'string', description: 'The case it belongs to (e.g. one appeal across contexts).' },
      causationid: { type: 'string' },
      streamversion: { type: 'integer', minimum: 1 },
      data,
    },
    ...(example === undefined
      ? {}
      : {
          examples: [
            {
              specversion: '1.0',
              id: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7aff',
              source: `/cogov/${c.context}`,
              type: c.cloudEventType,
              subject: 'stream-id',
              time: '2026-11-21T01:00:00.000Z',
              datacontenttype: 'application/json',
              dataschema: String(data['$id']),
              communityid: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a01',
              correlationid: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a0c',
              causationid: '01938f6e-7a1c-7c3e-9a4b-2f1d5c6b7a0c',
              streamversion: 1,
              data: example,
            },
          ],
        }),
  };
}

export function renderAsyncApi(): Record<string, unknown> {
  const contracts = allPublicContracts();
  const contexts = Object.keys(PUBLIC_EVENTS);
  const messages: Record<string, unknown> = {};
  for (const c of contracts) {
    messages[messageName(c)] = {
      name: c.cloudEventType,
      title: `${c.eventType} v${c.schemaVersion}`,
      summary: String(c.schema['description'] ?? ''),
      contentType: 'application/cloudevents+json',
      headers: {
        type: 'object',
        properties: {
          ce_type: { const: c.cloudEventType },
          ce_id: { type: 'string' },
          ce_source: { const: `/cogov/${c.context}` },
          'content-type': { const: 'application/cloudevents+json; charset=utf-8' },
        },
      },
      payload: envelope(c),
      bindings: { kafka: { key: { type: 'string', description: 'The stream id.' }, bindingVersion: '0.5.0' } },
      ...(c.removed.length > 0 ? { description: `Without, compared with the internal event: ${c.removed.join(', ')}.` } : {}),
    };
  }
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const context of contexts) {
    const own = contracts.filter((c) => c.context === context);
    channels[channelName(context)] = {
      address: publicTopic(context),
      title: `${context} public events`,
      description: `The ${context} context's public events, keyed by stream id (6 partitions). No personal data, not even encrypted.`,
      messages: Object.fromEntries(own.map((c) => [messageName(c), { $ref: `#/components/messages/${messageName(c)}` }])),
      bindings: { kafka: { topic: publicTopic(context), partitions: 6, bindingVersion: '0.5.0' } },
    };
    operations[`receive${channelName(context)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelName(context)}` },
      summary: `Read the ${context} public events (a partner reads with its own credentials in its own consumer group).`,
      messages: own.map((c) => ({ $ref: `#/channels/${channelName(context)}/messages/${messageName(c)}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'cogov public events',
      version: '1.0.0',
      description:
        'Events of the community co-governance suite that partners (NGOs) and civil-affairs analysts may read: one public topic per ' +
        'context, CloudEvents 1.0 in structured JSON, keyed by stream id, versioned event types. Generated from libs/contracts ' +
        '(`npm run docs:events`); the readable catalogue is docs/events.md.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The development broker of `npm start` (infra/kafka).' },
    },
    channels,
    operations,
    components: { messages },
  };
}
