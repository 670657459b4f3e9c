import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { RAW_RESPONSE, RESPONSE_MESSAGE, RESPONSE_TOP_LEVEL_PAGINATION } from './response-message';
import { PaginationMeta, responseMeta, ResponseMeta } from './meta';
import { Paginated } from './paginated';

export interface SuccessEnvelope<T> {
  success: true;
  message?: string;
  data: T | null;
  meta: ResponseMeta;
  /** The documented duplicate of `meta.pagination` on the few lists that declare it (`topLevelPagination`). */
  pagination?: PaginationMeta;
}

/** The single response interceptor: every success leaves as `{success, message?, data, meta}`. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean>(RAW_RESPONSE, context.getHandler())) return next.handle();
    const message = this.reflector.get<string | undefined>(RESPONSE_MESSAGE, context.getHandler());
    const topLevelPagination = this.reflector.get<boolean | undefined>(RESPONSE_TOP_LEVEL_PAGINATION, context.getHandler()) === true;
    return next.handle().pipe(map((result: unknown) => wrap(result, message, topLevelPagination)));
  }
}

export function wrap(result: unknown, message?: string, topLevelPagination = false): SuccessEnvelope<unknown> {
  const head = message === undefined ? { success: true as const } : { success: true as const, message };
  if (result instanceof Paginated) {
    const body: SuccessEnvelope<unknown> = { ...head, data: result.items, meta: responseMeta(result.pagination) };
    if (topLevelPagination) body.pagination = documentedOrder(result.pagination);
    return body;
  }
  return { ...head, data: result ?? null, meta: responseMeta() };
}

/** The top-level copy lists its keys in the order the docs show them (contracts.md). */
function documentedOrder({ current_page, per_page, total, last_page, from, to }: PaginationMeta): PaginationMeta {
  return { current_page, per_page, total, last_page, from, to };
}
