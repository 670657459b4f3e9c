import { describe, expect, it } from '@jest/globals';
import { MemoryRateLimiter } from './memory-rate-limiter';

describe('MemoryRateLimiter', () => {
  it('allows `limit` hits per window, then refuses with the time left', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit('user:1', 3, 60_000));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    now += 45_000;
    const blocked = await limiter.hit('user:1', 3, 60_000);
    expect(blocked).toMatchObject({ allowed: false, retryAfterSeconds: 15 });
  });

  it('starts a new window once the old one has passed, per key', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    await limiter.hit('a', 1, 1000);
    expect((await limiter.hit('a', 1, 1000)).allowed).toBe(false);
    expect((await limiter.hit('b', 1, 1000)).allowed).toBe(true);
    now = 1000;
    expect((await limiter.hit('a', 1, 1000)).allowed).toBe(true);
  });
});
