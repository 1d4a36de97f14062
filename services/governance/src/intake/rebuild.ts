import type pg from 'pg';
import { FACT_LOG_DDL, cloudEventOfRow, insertFacts, type StoredEventRow } from './fact-log.js';
import { factsOf } from './facts.js';

export interface RebuildProgress {
  events: number;
  total: number;
  facts: number;
}

export interface RebuildResult extends RebuildProgress {
  ms: number;
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
      const { rows } = await client.query<StoredEventRow>('select * from gov_event where seq > $1 order by seq limit $2', [after, batch]);
      if (rows.length === 0) break;
      for (const row of rows) {
        const facts = factsOf(cloudEventOfRow(row));
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
