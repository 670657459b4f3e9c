import { MonoTypeOperatorFunction, retry, throwError, timer } from 'rxjs';
import { isDatabaseConnectionLost, RETRY_SETTLE_MS } from './connection-lost';

const READ_METHODS = new Set(['GET', 'HEAD']);

export const isReadMethod = (method: string): boolean => READ_METHODS.has(method);

/**
 * A GET whose handler failed because the database dropped a pooled connection is run once more on a fresh
 * one, so a restart or failover costs readers nothing they can see. Writes are never repeated: their first
 * attempt may have committed. A second failure is answered 503 with Retry-After by the exception filter.
 *
 * An operator, not an interceptor of its own: the response interceptor applies it to reads, so a request pays
 * for one interceptor layer (Nest wraps each layer in its own deferred Observable and async scope), not two.
 */
export const retryReadOnLostConnection: MonoTypeOperatorFunction<unknown> = retry({
  count: 1,
  delay: (error: unknown) => (isDatabaseConnectionLost(error) ? timer(RETRY_SETTLE_MS) : throwError(() => error)),
});
