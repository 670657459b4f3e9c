export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends and a slot frees up. */
  retryAfterSeconds: number;
}

/** Fixed one-window counters keyed by principal; the store is memory (one process) or Redis (shared). */
export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
  close(): Promise<void>;
}

export function toResult(count: number, limit: number, msLeft: number): RateLimitResult {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  };
}

export const RATE_LIMITER = Symbol('RATE_LIMITER');
