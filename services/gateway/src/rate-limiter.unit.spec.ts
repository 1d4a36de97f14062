import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows a burst up to the limit, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20, remaining: 0 });
    // Other callers keep their own budget.
    expect(limiter.take('b').allowed).toBe(true);
    now += 20_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets callers idle for a whole window', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    limiter.take('a');
    limiter.take('b');
    expect(limiter.size).toBe(2);
    now += 1000;
    limiter.take('c');
    expect(limiter.size).toBe(1);
  });
});
