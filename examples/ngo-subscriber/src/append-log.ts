import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * A file that only grows by whole lines, each on disk (fsync) before `append` resolves: the receiver answers 2xx
 * only for what a crash cannot take back, since cogov will not send a 2xx'd event again.
 */
export class AppendLog {
  readonly #file: FileHandle;
  /** Appends run one after the other, so concurrent requests never interleave the bytes of their lines. */
  #tail: Promise<void> = Promise.resolve();

  private constructor(file: FileHandle) {
    this.#file = file;
  }

  /** Opens the file for appending, creating it and its folder when missing. */
  static async open(file: string): Promise<AppendLog> {
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'a+');
    try {
      const { size } = await handle.stat();
      if (size === 0) {
        // A new file survives a crash only once its folder's entry is on disk too.
        const folder = await open(path.dirname(file), 'r');
        await folder.sync().finally(() => folder.close());
      } else {
        // A crash in the middle of an append leaves a line without its newline; the next line would be glued to it.
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) {
          await handle.appendFile('\n');
          await handle.sync();
        }
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new AppendLog(handle);
  }

  /** Resolves once `line` and its newline are on disk. `line` must not contain a line break. */
  append(line: string): Promise<void> {
    const written = this.#tail.then(async () => {
      await this.#file.appendFile(`${line}\n`);
      await this.#file.sync();
    });
    // One failed append (a full disk, say) must not fail every later one.
    this.#tail = written.then(
      () => undefined,
      () => undefined,
    );
    return written;
  }

  async close(): Promise<void> {
    await this.#tail;
    await this.#file.close();
  }
}
