/** SQLSTATEs that mean the server went away or is not taking connections, not that the statement was wrong. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const SOCKET_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres reports a dropped socket with plain Errors that carry no code.
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Connection ended unexpectedly',
];

// TypeORM's words for "the connection under this transaction was dropped and released" (the server has
// rolled the transaction back by then, so nothing of it committed).
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

function lostHere(error: { code?: unknown; message?: unknown; name?: unknown }): boolean {
  if (typeof error.name === 'string' && RELEASED_RUNNER_ERRORS.has(error.name)) return true;
  const code = typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || SOCKET_ERRORS.has(code)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return DRIVER_MESSAGES.some((text) => message.includes(text));
}

/**
 * Whether `error` means "the database is unreachable or dropped the connection" (restart, failover,
 * `pg_terminate_backend`), looking through TypeORM's `driverError`, `cause` and an AggregateError's `errors`.
 * Such a failure is ours, temporary, and answered 503 with Retry-After, never 500.
 */
export function isDatabaseConnectionLost(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 16; seen++) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object') continue;
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      name?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (lostHere(candidate)) return true;
    pending.push(candidate.driverError, candidate.cause);
    if (Array.isArray(candidate.errors)) pending.push(...candidate.errors);
  }
  return false;
}

/**
 * Runs a read, and runs it once more when the database dropped its connection: the pool discards the dead
 * client, so the second try gets a fresh one. Only for reads (and idempotent bookkeeping such as
 * a token's last-used time): a write that failed this way may have committed, so it is never repeated.
 */
export async function retryReadOnce<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isDatabaseConnectionLost(error)) throw error;
    await settleDroppedConnections();
    return read();
  }
}

/**
 * When the server drops one connection it usually dropped them all (restart, failover); the pool learns of
 * each from its socket events. A short pause lets those arrive, so the retry gets a live connection rather
 * than the next dead idle one.
 */
export const RETRY_SETTLE_MS = 100;

export function settleDroppedConnections(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, RETRY_SETTLE_MS));
}
