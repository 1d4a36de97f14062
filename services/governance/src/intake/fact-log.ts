import type pg from 'pg';
import { isEncryptedField } from '@cogov/eventsourcing';
import type { CogovCloudEvent } from '@cogov/messaging';
import { factsOf, type Fact } from './facts.js';

/**
 * The governance view's storage (docs/governance.md):
 * - `gov_event`: every public event it consumed, once (the inbox dedupes by event id), with its CloudEvent
 *   attributes and its data minus the encrypted personal fields. The case timeline reads it, and it is what a
 *   rebuild replays: the producers' topics keep 7 days, this keeps everything the view ever counted.
 * - `gov_fact`: the read model, derived from `gov_event` (facts.ts), insert-only, so order-independent.
 */
export const FACT_LOG_DDL: readonly string[] = [
  `create table if not exists gov_event (
     event_id uuid primary key,
     seq bigint generated always as identity unique,
     type text not null,
     source text not null,
     stream_id text not null,
     stream_version int not null,
     community_id text not null,
     occurred_at timestamptz not null,
     correlation_id text not null,
     causation_id text not null,
     actor text not null,
     data jsonb not null,
     received_at timestamptz not null default now())`,
  `create index if not exists gov_event_correlation on gov_event (correlation_id, occurred_at)`,
  `create index if not exists gov_event_stream on gov_event (stream_id, stream_version)`,
  `create index if not exists gov_event_community_seq on gov_event (community_id, seq)`,
  `create index if not exists gov_event_appeal on gov_event ((data->>'appealId')) where data ? 'appealId'`,
  `create table if not exists gov_fact (
     event_id uuid not null,
     ordinal smallint not null,
     kind text not null,
     community_id text not null,
     subject_id text not null,
     at timestamptz not null,
     due_at timestamptz,
     amount bigint,
     attrs jsonb not null default '{}',
     primary key (event_id, ordinal))`,
  `create index if not exists gov_fact_community on gov_fact (community_id, kind, at)`,
  `create index if not exists gov_fact_subject on gov_fact (kind, subject_id)`,
];

/** The event's data without its encrypted personal fields: the view never needs them, so it never keeps them. */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!isEncryptedField(field)) out[key] = withoutPersonalData(field);
  }
  return out;
}

/** Short name of a CloudEvent type: `cn.cogov.residents.appeal-filed.v1` → `appeal-filed`. */
export function shortType(type: string): string {
  return type.split('.').slice(-2, -1)[0] ?? type;
}

export async function insertFacts(client: pg.ClientBase, eventId: string, facts: readonly Fact[]): Promise<void> {
  for (const [ordinal, fact] of facts.entries()) {
    await client.query(
      `insert into gov_fact (event_id, ordinal, kind, community_id, subject_id, at, due_at, amount, attrs)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
      [eventId, ordinal, fact.kind, fact.communityId, fact.subjectId, fact.at, fact.dueAt ?? null, fact.amount ?? null, JSON.stringify(fact.attrs ?? {})],
    );
  }
}

/** Stores one consumed event and its facts, in the caller's (inbox) transaction. */
export async function recordEvent(client: pg.ClientBase, event: CogovCloudEvent): Promise<void> {
  const { rowCount } = await client.query(
    `insert into gov_event (event_id, type, source, stream_id, stream_version, community_id, occurred_at, correlation_id,
                            causation_id, actor, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (event_id) do nothing`,
    [
      event.id,
      event.type,
      event.source,
      event.subject,
      event.streamversion,
      event.communityid,
      event.time,
      event.correlationid,
      event.causationid,
      event.actor,
      JSON.stringify(withoutPersonalData(event.data)),
    ],
  );
  if (rowCount === 0) return;
  await insertFacts(client, event.id, factsOf(event));
}

/** A `gov_event` row as read back. */
export interface StoredEventRow {
  event_id: string;
  seq: string;
  type: string;
  source: string;
  stream_id: string;
  stream_version: number;
  community_id: string;
  occurred_at: Date;
  correlation_id: string;
  causation_id: string;
  actor: string;
  data: unknown;
}

/** The CloudEvent a `gov_event` row keeps (its data without the personal fields dropped on intake). */
export function cloudEventOfRow(row: StoredEventRow): CogovCloudEvent {
  return {
    specversion: '1.0',
    id: row.event_id,
    source: row.source,
    type: row.type,
    subject: row.stream_id,
    time: row.occurred_at.toISOString(),
    datacontenttype: 'application/json',
    data: row.data,
    communityid: row.community_id,
    correlationid: row.correlation_id,
    causationid: row.causation_id,
    streamversion: row.stream_version,
    actor: row.actor,
  };
}
