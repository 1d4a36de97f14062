import type pg from 'pg';

/**
 * Moves a read-model row to the event's stream version, answering whether it moved. Every handler of this
 * service guards its writes with it: a redelivered event (at or below the row's version) changes nothing,
 * which also keeps the child tables (cadres, centres) from being written twice.
 */
export async function advanceRow(client: pg.ClientBase, table: string, keyColumn: string, key: unknown, streamVersion: number): Promise<boolean> {
  const { rowCount } = await client.query(`update ${table} set stream_version = $2 where ${keyColumn} = $1 and stream_version < $2`, [key, streamVersion]);
  return rowCount === 1;
}
