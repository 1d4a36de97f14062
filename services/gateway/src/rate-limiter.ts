/**
 * Per-caller rate limit, in memory: a token bucket per key (the token's `client_id` and `sub`), `limit`
 * operations per `windowMs`, refilled continuously, so a caller may burst up to `limit` and then gets one
 * operation every `windowMs / limit`. One gateway instance, one budget: behind N instances a caller gets up
 * to N times the limit (a shared store — Redis — is the next step when the gateway is scaled out).
 * Buckets that have refilled completely are forgotten, so memory follows the number of active callers.
 */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the next operation is allowed (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep: number;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const perMs = this.limit / this.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, updatedAt: now };
    bucket.tokens = Math.min(this.limit, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)), remaining: 0 };
  }

  /** Callers being tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt >= this.windowMs) this.buckets.delete(key);
    }
  }
}
