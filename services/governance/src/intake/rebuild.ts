import type pg from 'pg';
import type { CogovCloudEvent } from '@cogov/messaging';
import { FACT_LOG_DDL, insertFacts } from './fact-log.js';
import { factsOf } from './facts.js';

export interface RebuildProgress {
  events: number;
  total: number;
  facts: number;
}

export interface RebuildResult extends RebuildProgress {
  ms: number;
}

interface StoredEvent {
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

/**
 * Rebuilds the read model (`gov_fact`) from zero out of the stored events (`gov_event`), in one transaction:
 * readers keep the old facts until it commits (the table is locked EXCLUSIVE, which lets reads through), the
 * intake's writes wait and then add their facts on top. Reports progress every `every` events.
 */
export async function rebuildFacts(
  pool: pg.Pool,
  { onProgress, every = 2_000, batch = 1_000 }: { onProgress?: (progress: RebuildProgress) => void; every?: number; batch?: number } = {},
): Promise<RebuildResult> {
  const started = Date.now();
  for (const ddl of FACT_LOG_DDL) await pool.query(ddl);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('lock table gov_fact in exclusive mode');
    const { rows: counted } = await client.query<{ total: string }>('select count(*) as total from gov_event');
    const total = counted[0]?.total ?? '0';
    await client.query('delete from gov_fact');
    const progress: RebuildProgress = { events: 0, total: Number(total), facts: 0 };
    let after = '0';
    let reported = 0;
    for (;;) {
      const { rows } = await client.query<StoredEvent>('select * from gov_event where seq > $1 order by seq limit $2', [after, batch]);
      if (rows.length === 0) break;
      for (const row of rows) {
        const facts = factsOf(toCloudEvent(row));
        await insertFacts(client, row.event_id, facts);
        progress.events += 1;
        progress.facts += facts.length;
      }
      after = rows[rows.length - 1]!.seq;
      if (onProgress && progress.events - reported >= every) {
        reported = progress.events;
        onProgress({ ...progress });
      }
    }
    await client.query('commit');
    return { ...progress, ms: Date.now() - started };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function toCloudEvent(row: StoredEvent): CogovCloudEvent {
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
