import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import type { FastifyReply } from 'fastify';
import { RATE_LIMITER, RateLimiter } from './rate-limiter';

/**
 * Spends one request of a budget (RATE_LIMIT_PER_MINUTE per RATE_LIMIT_WINDOW_SECONDS) and writes the rate-limit
 * headers on the reply: the one place that does, for the guard (keyed by principal) and the OAuth endpoints
 * (keyed by client address, as they run before any bearer token).
 */
@Injectable()
export class RateLimitService {
  constructor(
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** False when `key` is over its budget; Retry-After is then set too. */
  async spend(key: string, reply: FastifyReply): Promise<boolean> {
    const result = await this.limiter.hit(key, this.config.rateLimitPerMinute, this.config.rateLimitWindowSeconds * 1000);
    reply.header('X-RateLimit-Limit', String(result.limit));
    reply.header('X-RateLimit-Remaining', String(result.remaining));
    if (!result.allowed) reply.header('Retry-After', String(result.retryAfterSeconds));
    return result.allowed;
  }
}
