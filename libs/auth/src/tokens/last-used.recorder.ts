import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** `last_used_at` has minute resolution: a token is written at most once a minute, in one batch per minute. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Personal access tokens' `last_used_at`, kept off the request path: uses are noted in memory and written in one
 * statement per flush (every minute, and at shutdown, after the HTTP server has closed). A failed flush is logged
 * and its uses kept for the next one; it never fails a request.
 */
@Injectable()
export class LastUsedRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LastUsedRecorder.name);
  /** Uses not yet written: token id → time of the use. */
  private pending = new Map<number, Date>();
  /** When each token was last queued, so one is written at most once per resolution. */
  private readonly lastQueued = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Notes a use of personal access token `tokenId`. */
  touch(tokenId: number, now = Date.now()): void {
    const queued = this.lastQueued.get(tokenId);
    if (queued !== undefined && now - queued < LAST_USED_RESOLUTION_MS) return;
    this.lastQueued.set(tokenId, now);
    this.pending.set(tokenId, new Date(now));
    this.timer ??= setTimeout(() => void this.flush(), LAST_USED_RESOLUTION_MS).unref();
  }

  async flush(): Promise<void> {
    this.timer = undefined;
    this.forgetOldUses();
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.dataSource.query(
        `UPDATE personal_access_tokens t SET last_used_at = u.used_at
           FROM unnest($1::int[], $2::timestamptz[]) AS u(id, used_at)
          WHERE t.id = u.id AND (t.last_used_at IS NULL OR t.last_used_at < u.used_at)`,
        [[...batch.keys()], [...batch.values()]],
      );
    } catch (error) {
      this.logger.warn(`could not record last use of ${batch.size} token(s): ${String(error)}`);
      for (const [id, usedAt] of batch) if (!this.pending.has(id)) this.pending.set(id, usedAt);
      this.timer ??= setTimeout(() => void this.flush(), LAST_USED_RESOLUTION_MS).unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.flush();
  }

  /** Keeps `lastQueued` as small as the set of tokens used in the last minute. */
  private forgetOldUses(now = Date.now()): void {
    for (const [id, queued] of this.lastQueued) if (now - queued >= LAST_USED_RESOLUTION_MS) this.lastQueued.delete(id);
  }
}
