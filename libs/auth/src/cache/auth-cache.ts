import type { Principal } from '../auth-context';
import type { ActiveMembership } from '../guard/membership.lookup';

/** What a token resolved to, with what the invalidation messages name it by. */
export interface CachedToken {
  principal: Principal;
  /** personal_access_tokens.id, for last-used bookkeeping; null for OAuth access tokens. */
  patId: number | null;
  /** oauth_clients.id for OAuth access tokens (a deleted client drops its tokens); null for PATs. */
  clientId: number | null;
  /** The token's own expiry: a cached entry never outlives it. */
  expiresAt: Date;
}

/** A change that makes cached entries wrong, as the database triggers announce it (see the AuthNotify migration). */
export type AuthInvalidation =
  | { kind: 'token'; hash: string }
  | { kind: 'client'; id: number }
  | { kind: 'user'; id: number }
  | { kind: 'member'; workspaceId: number; userId: number }
  | { kind: 'workspace'; id: number };

interface Entry<T> {
  value: T;
  expiresAtMs: number;
}

/** A Map kept in least-recently-used order: re-inserting on read moves an entry to the end. */
class LruMap<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, nowMs: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAtMs <= nowMs) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T, expiresAtMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deleteWhere(test: (value: T, key: string) => boolean): void {
    for (const [key, entry] of this.entries) if (test(entry.value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface AuthCacheOptions {
  /** 0 disables the cache: every lookup reads PostgreSQL. */
  ttlMs: number;
  /** Per map (tokens, memberships). */
  maxEntries: number;
  now?: () => number;
}

/**
 * Authenticated tokens (by SHA-256 hash, never the token) and live memberships (by workspace × user), in process
 * memory, bounded and short-lived. Only positive answers are kept, so a new token or membership needs no message.
 *
 * The cache serves only while it is `live`, i.e. while this process is listening for invalidations; otherwise
 * (starting up, listener connection lost) it is empty and bypassed, so nothing stale is ever served.
 * `generation` guards the race between a read and an invalidation: a value read from the database is stored only
 * if no invalidation or flush happened since the read began.
 */
export class AuthCache {
  private readonly tokens: LruMap<CachedToken>;
  private readonly memberships: LruMap<ActiveMembership>;
  private readonly now: () => number;
  private live = false;
  private currentGeneration = 0;

  constructor(private readonly options: AuthCacheOptions) {
    this.tokens = new LruMap(options.maxEntries);
    this.memberships = new LruMap(options.maxEntries);
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  /** Whether lookups may be answered from memory right now. */
  get serving(): boolean {
    return this.enabled && this.live;
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get size(): { tokens: number; memberships: number } {
    return { tokens: this.tokens.size, memberships: this.memberships.size };
  }

  /** Invalidations are flowing again: start serving (from empty). */
  resume(): void {
    this.flush();
    this.live = this.enabled;
  }

  /** Invalidations may have been missed: forget everything and read through until `resume`. */
  suspend(): void {
    this.live = false;
    this.flush();
  }

  flush(): void {
    this.currentGeneration++;
    this.tokens.clear();
    this.memberships.clear();
  }

  getToken(hash: string): CachedToken | undefined {
    return this.serving ? this.tokens.get(hash, this.now()) : undefined;
  }

  /** Stores what was read at `readGeneration`, capped at the token's own expiry. */
  setToken(hash: string, value: CachedToken, readGeneration: number): void {
    if (!this.storable(readGeneration)) return;
    const expiresAtMs = Math.min(this.now() + this.options.ttlMs, value.expiresAt.getTime());
    if (expiresAtMs > this.now()) this.tokens.set(hash, value, expiresAtMs);
  }

  getMembership(workspaceId: number, userId: number): ActiveMembership | undefined {
    return this.serving ? this.memberships.get(membershipKey(workspaceId, userId), this.now()) : undefined;
  }

  setMembership(workspaceId: number, userId: number, value: ActiveMembership, readGeneration: number): void {
    if (!this.storable(readGeneration)) return;
    this.memberships.set(membershipKey(workspaceId, userId), value, this.now() + this.options.ttlMs);
  }

  invalidate(change: AuthInvalidation): void {
    this.currentGeneration++;
    switch (change.kind) {
      case 'token':
        return this.tokens.delete(change.hash);
      case 'client':
        return this.tokens.deleteWhere((token) => token.clientId === change.id);
      case 'user':
        this.tokens.deleteWhere((token) => token.principal.userId === change.id);
        return this.memberships.deleteWhere((_, key) => key.endsWith(`:${change.id}`));
      case 'member':
        return this.memberships.delete(membershipKey(change.workspaceId, change.userId));
      case 'workspace':
        return this.memberships.deleteWhere((_, key) => key.startsWith(`${change.id}:`));
    }
  }

  private storable(readGeneration: number): boolean {
    return this.serving && readGeneration === this.currentGeneration;
  }
}

function membershipKey(workspaceId: number, userId: number): string {
  return `${workspaceId}:${userId}`;
}
