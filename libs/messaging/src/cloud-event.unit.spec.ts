import type { RecordedEvent } from '@cogov/eventsourcing';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  InvalidCloudEventError,
  cloudEventType,
  parseCloudEvent,
  parseCloudEventType,
  toCloudEvent,
  toKafkaMessage,
} from './cloud-event.js';

const recorded: RecordedEvent = {
  type: 'AppealFiled',
  data: { appealId: 'a-1', channel: 'hotline' },
  schemaVersion: 2,
  metadata: {
    eventId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    actor: 'user:grid-worker-7',
    communityId: 'community-42',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    occurredAt: '2026-11-21T13:11:55.000+08:00',
  },
  streamId: 'appeal-a-1',
  streamVersion: 3,
  globalPosition: '17',
  transactionId: '900',
  recordedAt: '2026-11-21T05:11:56.000Z',
};

describe('cloudEventType', () => {
  it('derives the type from context, event type and schema version', () => {
    expect(cloudEventType('residents', 'AppealFiled', 1)).toBe('cn.cogov.residents.appeal-filed.v1');
    expect(cloudEventType('party-building', 'PIIErased', 3)).toBe('cn.cogov.party-building.pii-erased.v3');
  });
  it('rejects a schema version that is not a positive integer', () => {
    expect(() => cloudEventType('residents', 'AppealFiled', 0)).toThrow(RangeError);
  });
  it('parses back into its parts', () => {
    expect(parseCloudEventType('cn.cogov.residents.appeal-filed.v12')).toEqual({
      context: 'residents',
      eventType: 'appeal-filed',
      schemaVersion: 12,
    });
    expect(parseCloudEventType('com.example.other')).toBeUndefined();
  });
});

describe('toCloudEvent / parseCloudEvent', () => {
  it('maps every attribute, with time in UTC', () => {
    expect(toCloudEvent(recorded, { source: '/cogov/residents' })).toEqual({
      specversion: '1.0',
      id: recorded.metadata.eventId,
      source: '/cogov/residents',
      type: 'cn.cogov.residents.appeal-filed.v2',
      subject: 'appeal-a-1',
      time: '2026-11-21T05:11:55.000Z',
      datacontenttype: 'application/json',
      data: recorded.data,
      communityid: 'community-42',
      correlationid: 'corr-1',
      causationid: 'cause-1',
      streamversion: 3,
      actor: 'user:grid-worker-7',
    });
  });

  it('puts the filter attributes into headers and the stream id into the key', () => {
    const message = toKafkaMessage(toCloudEvent(recorded, { source: '/cogov/residents' }));
    expect(message.key).toBe('appeal-a-1');
    expect(message.headers).toMatchObject({
      'content-type': CLOUDEVENTS_CONTENT_TYPE,
      ce_id: recorded.metadata.eventId,
      ce_type: 'cn.cogov.residents.appeal-filed.v2',
      ce_communityid: 'community-42',
    });
  });

  it('round-trips through a Kafka message with Buffer values and headers', () => {
    const message = toKafkaMessage(toCloudEvent(recorded, { source: '/cogov/residents' }));
    const received = {
      value: Buffer.from(message.value),
      headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)])),
    };
    expect(parseCloudEvent(received)).toEqual(JSON.parse(message.value));
  });

  it('lists every problem of an invalid event', () => {
    const bad = { ...toCloudEvent(recorded, { source: '/cogov/residents' }), specversion: '0.3', streamversion: 0, time: 'yesterday' };
    let thrown: unknown;
    try {
      parseCloudEvent({ value: JSON.stringify(bad) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCloudEventError);
    expect((thrown as InvalidCloudEventError).problems).toHaveLength(3);
  });

  it('rejects non-JSON, a foreign content type and a header id that contradicts the body', () => {
    expect(() => parseCloudEvent({ value: 'not json' })).toThrow(InvalidCloudEventError);
    const message = toKafkaMessage(toCloudEvent(recorded, { source: '/cogov/residents' }));
    expect(() => parseCloudEvent({ value: message.value, headers: { 'content-type': 'application/json' } })).toThrow(/content-type/);
    expect(() => parseCloudEvent({ value: message.value, headers: { ce_id: 'other' } })).toThrow(/ce_id/);
  });

  it('reads the public envelope only where asked: a public type, a dataschema and no actor (ADR 0009)', () => {
    const { actor: _actor, ...internal } = toCloudEvent(recorded, { source: '/cogov/residents' });
    const published = { ...internal, type: 'cn.cogov.public.residents.appeal-filed.v2', dataschema: 'https://cogov.cn/schemas/public/residents/appeal-filed.v2.json' };
    const message = toKafkaMessage(published);
    expect(parseCloudEvent(message, 'public')).toEqual({ ...published, actor: '' });
    const problems = (value: object, envelope: 'internal' | 'public'): string[] => {
      try {
        parseCloudEvent({ value: JSON.stringify(value) }, envelope);
        return [];
      } catch (error) {
        return (error as InvalidCloudEventError).problems;
      }
    };
    expect(problems(published, 'internal')).toEqual(['actor must be a non-empty string', expect.stringMatching(/^type must look like cn\.cogov\.<context>/)]);
    expect(problems({ ...published, actor: 'user:x' }, 'public')).toEqual(['a public event has no actor']);
    expect(problems({ ...internal, dataschema: '' }, 'public')).toEqual(['dataschema must be a non-empty string', expect.stringMatching(/^type must look like cn\.cogov\.public\./)]);
  });

  it('refuses an event without a valid occurredAt', () => {
    const broken = { ...recorded, metadata: { ...recorded.metadata, occurredAt: 'soon' } };
    expect(() => toCloudEvent(broken, { source: '/cogov/residents' })).toThrow(RangeError);
  });
});
