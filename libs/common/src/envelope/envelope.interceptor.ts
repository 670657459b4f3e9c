import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { isReadMethod, retryReadOnLostConnection } from '../errors/read-retry';
import { RAW_RESPONSE, RESPONSE_MESSAGE, RESPONSE_TOP_LEVEL_PAGINATION } from './response-message';
import { PaginationMeta, responseMeta, ResponseMeta } from './meta';
import { Paginated, RawBody, Reply } from './paginated';

export interface SuccessEnvelope<T> {
  success: true;
  message?: string;
  data: T | null;
  meta: ResponseMeta;
  /** The documented duplicate of `meta.pagination` on the few lists that declare it (`topLevelPagination`). */
  pagination?: PaginationMeta;
}

/**
 * The single response interceptor: every success leaves as `{success, message?, data, meta}`, and a read whose
 * database connection dropped is run once more first (errors/read-retry.ts).
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  // Per handler, computed once: whether it answers raw, and the mapping that wraps its result.
  private readonly wrappers = new WeakMap<object, ((result: unknown) => SuccessEnvelope<unknown>) | null>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const wrapper = this.wrapperOf(context.getHandler());
    const read = isReadMethod(context.switchToHttp().getRequest<FastifyRequest>().method);
    const result = read ? next.handle().pipe(retryReadOnLostConnection) : next.handle();
    if (wrapper === null) return result;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // A raw body (a report's text/csv answer) is sent as it is, with the headers it carries.
    return result.pipe(map((value) => (value instanceof RawBody ? sendRaw(reply, value) : wrapper(value))));
  }

  private wrapperOf(handler: object): ((result: unknown) => SuccessEnvelope<unknown>) | null {
    let wrapper = this.wrappers.get(handler);
    if (wrapper === undefined) {
      const target = handler as () => unknown;
      const message = this.reflector.get<string | undefined>(RESPONSE_MESSAGE, target);
      const topLevelPagination = this.reflector.get<boolean | undefined>(RESPONSE_TOP_LEVEL_PAGINATION, target) === true;
      wrapper = this.reflector.get<boolean>(RAW_RESPONSE, target) ? null : (result: unknown) => wrap(result, message, topLevelPagination);
      this.wrappers.set(handler, wrapper);
    }
    return wrapper;
  }
}

function sendRaw(reply: FastifyReply, raw: RawBody): string {
  for (const [name, value] of Object.entries(raw.headers)) void reply.header(name, value);
  return raw.body;
}

export function wrap(result: unknown, message?: string, topLevelPagination = false): SuccessEnvelope<unknown> {
  const head = message === undefined ? { success: true as const } : { success: true as const, message };
  if (result instanceof Paginated) {
    const body: SuccessEnvelope<unknown> = { ...head, data: result.items, meta: responseMeta(result.pagination) };
    if (topLevelPagination) body.pagination = documentedOrder(result.pagination);
    return body;
  }
  if (result instanceof Reply) {
    const reply = result as Reply<unknown, Record<string, unknown>>;
    const text = reply.options.message ?? message;
    const replyHead = text === undefined ? { success: true as const } : { success: true as const, message: text };
    return { ...replyHead, data: reply.data ?? null, meta: responseMeta(reply.options.pagination), ...reply.options.topLevel };
  }
  return { ...head, data: result ?? null, meta: responseMeta() };
}

/** The top-level copy lists its keys in the order the docs show them (contracts.md). */
function documentedOrder({ current_page, per_page, total, last_page, from, to }: PaginationMeta): PaginationMeta {
  return { current_page, per_page, total, last_page, from, to };
}
