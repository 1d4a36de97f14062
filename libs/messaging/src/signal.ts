/**
 * A wake-up that is not lost when it arrives before anyone waits: a NOTIFY received while the relay is
 * busy reading makes the next `wait` return at once.
 */
export class WakeSignal {
  private pending = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    this.pending = true;
    this.waiter?.();
  }

  /** Resolves on the next (or an already pending) notify, or after `timeoutMs`. */
  async wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiter = done;
    });
    this.pending = false;
  }
}
