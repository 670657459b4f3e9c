import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuthCache, AuthInvalidation } from './auth-cache';

/** The channel the AuthNotify migration's triggers announce changes on. */
export const AUTH_CHANNEL = 'webwork_auth';
/** Names the listening connection in pg_stat_activity. */
export const AUTH_LISTENER_APPLICATION_NAME = 'webwork-auth-listener';

const PROBE_TIMEOUT_MS = 2_000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/** A payload as the trigger writes it, or null when it is not one (then everything is dropped, to be safe). */
export function parseInvalidation(payload: string | undefined): AuthInvalidation | { kind: 'probe'; id: string } | null {
  try {
    const message = JSON.parse(payload ?? '') as Record<string, unknown>;
    const id = message.id;
    switch (message.kind) {
      case 'probe':
        return typeof id === 'string' ? { kind: 'probe', id } : null;
      case 'token':
        return typeof message.hash === 'string' ? { kind: 'token', hash: message.hash.trim() } : null;
      case 'client':
      case 'user':
      case 'workspace':
        return typeof id === 'number' ? { kind: message.kind, id } : null;
      case 'member':
        return typeof message.workspace_id === 'number' && typeof message.user_id === 'number'
          ? { kind: 'member', workspaceId: message.workspace_id, userId: message.user_id }
          : null;
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/**
 * One dedicated connection (not from the pool) that LISTENs for the triggers' invalidations and applies them to
 * this process's cache. The cache serves only while this connection is up and proven to receive notifications
 * sent from another session; when it drops, the cache is flushed and bypassed until LISTEN is re-established
 * (reconnecting with backoff). A database whose other sessions' notifications never arrive (the embedded PGlite
 * multiplexes every connection onto one session) leaves the cache disabled for the life of the process.
 */
@Injectable()
export class AuthInvalidationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthInvalidationListener.name);
  private client: pg.Client | undefined;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private probe: { id: string; arrived: () => void } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: AuthCache,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.cache.enabled) return;
    // Not awaited: until the listener is up the cache is simply bypassed.
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.cache.suspend();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    const client = new pg.Client({ connectionString: options.url, application_name: AUTH_LISTENER_APPLICATION_NAME, keepAlive: true });
    this.client = client;
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.receive(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      if (!(await this.probeFromAnotherSession())) {
        this.logger.warn('authentication cache disabled: notifications from other sessions do not arrive (embedded database?)');
        this.client = undefined;
        await client.query('UNLISTEN *').catch(() => undefined);
        await client.end().catch(() => undefined);
        return;
      }
    } catch (error) {
      if (this.client === client) this.lost(client);
      await client.end().catch(() => undefined);
      if (!this.stopped) this.logger.warn(`authentication cache listener could not connect: ${String(error)}`);
      return;
    }
    if (this.client !== client || this.stopped) return;
    this.retryMs = FIRST_RETRY_MS;
    this.cache.resume();
    this.logger.log('authentication cache is live (listening for invalidations)');
  }

  /** Sends a probe through the pool (another session) and waits for it on the listener. */
  private async probeFromAnotherSession(): Promise<boolean> {
    const id = randomUUID();
    const arrived = new Promise<boolean>((resolve) => {
      this.probe = { id, arrived: () => resolve(true) };
      setTimeout(() => resolve(false), PROBE_TIMEOUT_MS).unref();
    });
    try {
      await this.dataSource.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ kind: 'probe', id })]);
      return await arrived;
    } finally {
      this.probe = undefined;
    }
  }

  private receive(payload: string | undefined): void {
    const change = parseInvalidation(payload);
    if (!change) {
      this.cache.flush();
    } else if (change.kind === 'probe') {
      if (this.probe?.id === change.id) this.probe.arrived();
    } else {
      this.cache.invalidate(change);
    }
  }

  /** Invalidations may be missed from now on: stop serving from memory and reconnect. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.cache.suspend();
    if (this.stopped) return;
    this.logger.warn(`authentication cache bypassed: listener connection lost, reconnecting in ${this.retryMs} ms`);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
