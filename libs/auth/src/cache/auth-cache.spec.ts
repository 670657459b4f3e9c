import { describe, expect, it } from '@jest/globals';
import { Role } from '../role';
import { Scope } from '../scope';
import { AuthCache, CachedToken } from './auth-cache';

const HOUR = 3_600_000;

function token(userId: number, expiresAtMs: number, clientId: number | null = null): CachedToken {
  return {
    principal: { userId, scopes: [Scope.Read], tokenKind: clientId ? 'oauth' : 'personal_access_token', rateLimitKey: `user:${userId}` },
    patId: clientId ? null : userId,
    clientId,
    expiresAt: new Date(expiresAtMs),
  };
}

const member = { role: Role.RegularUser, rateStatus: 0, ownerId: 1 };

function liveCache(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = 1_000_000;
  const cache = new AuthCache({ ttlMs: options.ttlMs ?? 10_000, maxEntries: options.maxEntries ?? 100, now: () => now });
  cache.resume();
  return { cache, advance: (ms: number) => (now += ms), now: () => now };
}

describe('AuthCache', () => {
  it('serves a stored token and membership until the TTL passes', () => {
    const { cache, advance, now } = liveCache();
    cache.setToken('h1', token(7, now() + HOUR), cache.generation);
    cache.setMembership(3, 7, member, cache.generation);
    expect(cache.getToken('h1')?.principal.userId).toBe(7);
    expect(cache.getMembership(3, 7)).toEqual(member);
    advance(9_999);
    expect(cache.getToken('h1')).toBeDefined();
    advance(1);
    expect(cache.getToken('h1')).toBeUndefined();
    expect(cache.getMembership(3, 7)).toBeUndefined();
  });

  it('never keeps a token past its own expires_at, and does not store one already expired', () => {
    const { cache, advance, now } = liveCache();
    cache.setToken('soon', token(1, now() + 2_000), cache.generation);
    cache.setToken('gone', token(2, now()), cache.generation);
    expect(cache.getToken('gone')).toBeUndefined();
    advance(1_999);
    expect(cache.getToken('soon')).toBeDefined();
    advance(1);
    expect(cache.getToken('soon')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond the bound', () => {
    const { cache, now } = liveCache({ maxEntries: 2 });
    cache.setToken('a', token(1, now() + HOUR), cache.generation);
    cache.setToken('b', token(2, now() + HOUR), cache.generation);
    expect(cache.getToken('a')).toBeDefined(); // a is now the most recently used
    cache.setToken('c', token(3, now() + HOUR), cache.generation);
    expect(cache.getToken('b')).toBeUndefined();
    expect(cache.getToken('a')).toBeDefined();
    expect(cache.getToken('c')).toBeDefined();
    expect(cache.size.tokens).toBe(2);
  });

  it('drops exactly what an invalidation names', () => {
    const { cache, now } = liveCache();
    const store = () => {
      cache.setToken('pat-u1', token(1, now() + HOUR), cache.generation);
      cache.setToken('oauth-u2', token(2, now() + HOUR, 9), cache.generation);
      cache.setMembership(3, 1, member, cache.generation);
      cache.setMembership(4, 1, member, cache.generation);
      cache.setMembership(3, 2, member, cache.generation);
    };
    store();
    cache.invalidate({ kind: 'token', hash: 'pat-u1' });
    expect(cache.getToken('pat-u1')).toBeUndefined();
    expect(cache.getToken('oauth-u2')).toBeDefined();

    cache.invalidate({ kind: 'client', id: 9 });
    expect(cache.getToken('oauth-u2')).toBeUndefined();

    store();
    cache.invalidate({ kind: 'member', workspaceId: 3, userId: 1 });
    expect(cache.getMembership(3, 1)).toBeUndefined();
    expect(cache.getMembership(4, 1)).toBeDefined();

    cache.invalidate({ kind: 'workspace', id: 3 });
    expect(cache.getMembership(3, 2)).toBeUndefined();
    expect(cache.getMembership(4, 1)).toBeDefined();

    cache.invalidate({ kind: 'user', id: 1 });
    expect(cache.getToken('pat-u1')).toBeUndefined();
    expect(cache.getMembership(4, 1)).toBeUndefined();
    expect(cache.getToken('oauth-u2')).toBeDefined();
  });

  it('does not store a value read before an invalidation that arrived during the read', () => {
    const { cache, now } = liveCache();
    const readStartedAt = cache.generation;
    cache.invalidate({ kind: 'token', hash: 'other' });
    cache.setToken('h', token(1, now() + HOUR), readStartedAt);
    cache.setMembership(1, 1, member, readStartedAt);
    expect(cache.getToken('h')).toBeUndefined();
    expect(cache.getMembership(1, 1)).toBeUndefined();
  });

  it('is empty and bypassed until resumed, and again after suspend', () => {
    const cache = new AuthCache({ ttlMs: 10_000, maxEntries: 10, now: () => 0 });
    cache.setToken('h', token(1, HOUR), cache.generation);
    expect(cache.serving).toBe(false);
    expect(cache.getToken('h')).toBeUndefined();

    cache.resume();
    cache.setToken('h', token(1, HOUR), cache.generation);
    expect(cache.getToken('h')).toBeDefined();

    const readStartedAt = cache.generation;
    cache.suspend();
    expect(cache.serving).toBe(false);
    expect(cache.getToken('h')).toBeUndefined();
    cache.setToken('h2', token(1, HOUR), cache.generation);
    cache.resume();
    expect(cache.getToken('h')).toBeUndefined(); // flushed, not revived
    expect(cache.getToken('h2')).toBeUndefined();
    cache.setToken('h3', token(1, HOUR), readStartedAt); // a read from before the outage
    expect(cache.getToken('h3')).toBeUndefined();
  });

  it('with a TTL of 0 never serves, even when resumed', () => {
    const cache = new AuthCache({ ttlMs: 0, maxEntries: 10 });
    cache.resume();
    cache.setToken('h', token(1, Date.now() + HOUR), cache.generation);
    expect(cache.enabled).toBe(false);
    expect(cache.serving).toBe(false);
    expect(cache.getToken('h')).toBeUndefined();
  });
});
