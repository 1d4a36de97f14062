import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppendLog } from './append-log.ts';

/**
 * The webhook ids already handled, kept across restarts in `<dataDir>/seen-ids.txt` (one id a line). cogov sends
 * an event again after a timeout, a lost 2xx, a dead letter's redelivery or a replay, always with the same
 * `webhook-id`: this set is what turns at-least-once delivery into handling each event once.
 *
 * The file grows by one line per event and is never pruned here: a replay can go back to any point in time, so
 * an id dropped from it could be accepted a second time.
 */
export class SeenIds {
  readonly #ids: Set<string>;
  readonly #log: AppendLog;

  private constructor(ids: Set<string>, log: AppendLog) {
    this.#ids = ids;
    this.#log = log;
  }

  static async open(dataDir: string): Promise<SeenIds> {
    const file = path.join(dataDir, 'seen-ids.txt');
    // Opened first: it creates the file and completes a line a crash cut short, so the read below sees whole lines.
    const log = await AppendLog.open(file);
    const text = await readFile(file, 'utf8');
    return new SeenIds(new Set(text.split('\n').filter((line) => line !== '')), log);
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Resolves once the id is on disk; only then may the request be answered with 2xx. */
  async add(id: string): Promise<void> {
    await this.#log.append(id);
    this.#ids.add(id);
  }

  close(): Promise<void> {
    return this.#log.close();
  }
}
