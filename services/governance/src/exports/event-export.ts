import type pg from 'pg';
import { allContracts, publicContractFor } from '@cogov/contracts';
import { toPublicCloudEvent } from '@cogov/service-kit';
import { cloudEventOfRow, type StoredEventRow } from '../intake/fact-log.js';

/** The public contract of a stored event's CloudEvents type (`cn.cogov.<context>.<event>.v<n>`), if it is public. */
const PUBLIC_BY_TYPE = new Map(
  allContracts().flatMap((c) => {
    const pub = publicContractFor(c.eventType, c.schemaVersion);
    return pub ? [[c.cloudEventType, pub] as const] : [];
  }),
);

export interface EventExportQuery {
  communityIds: readonly string[];
  /** Inclusive bounds (UTC instants) on the events' time. */
  from: Date;
  to: Date;
  /** Resume after this `sequence` (the last line received). */
  after?: string;
  batchSize?: number;
}


/**
 * The public events of some communities in a time range, one NDJSON line each, in the order the view received
 * them. Each line is the public CloudEvent (ADR 0009: no personal data, no actor) with the CloudEvents `sequence`
 * extension: a client that lost the connection asks again with `after=<last sequence>` and gets the rest.
 * Read in keyset batches, so memory stays flat however large the range.
 */
export async function* exportEvents(pool: pg.Pool, query: EventExportQuery): AsyncGenerator<string> {
  const batchSize = query.batchSize ?? 1_000;
  let after = query.after ?? '0';
  for (;;) {
    const { rows } = await pool.query<StoredEventRow>(
      `select seq::text as seq, event_id, type, source, stream_id, stream_version, community_id, occurred_at, correlation_id, causation_id, actor, data
         from gov_event
        where seq > $1 and community_id = any($2::text[]) and occurred_at >= $3 and occurred_at <= $4
        order by seq limit $5`,
      [after, query.communityIds, query.from.toISOString(), query.to.toISOString(), batchSize],
    );
    for (const row of rows) {
      const contract = PUBLIC_BY_TYPE.get(row.type);
      if (!contract) continue;
      const event = toPublicCloudEvent(cloudEventOfRow(row), contract);
      yield `${JSON.stringify({ ...event, sequence: row.seq })}\n`;
    }
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/** A CSV field: quoted when it holds a comma, quote or line break; formula-leading characters defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A spreadsheet would run "=…", "+…", "-…", "@…" as a formula (CSV injection): numbers are left alone.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
