import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable, retry, throwError, timer } from 'rxjs';
import { isDatabaseConnectionLost, RETRY_SETTLE_MS } from './connection-lost';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * A GET whose handler failed because the database dropped a pooled connection is run once more on a fresh
 * one, so a restart or failover costs readers nothing they can see. Writes are never repeated: their first
 * attempt may have committed. A second failure is answered 503 with Retry-After by the exception filter.
 */
@Injectable()
export class ReadRetryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<FastifyRequest>().method;
    if (!READ_METHODS.has(method)) return next.handle();
    return next.handle().pipe(
      retry({
        count: 1,
        delay: (error: unknown) => (isDatabaseConnectionLost(error) ? timer(RETRY_SETTLE_MS) : throwError(() => error)),
      }),
    );
  }
}
