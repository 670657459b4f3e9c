import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { RAW_RESPONSE, RESPONSE_MESSAGE } from './response-message';
import { responseMeta, ResponseMeta } from './meta';
import { Paginated } from './paginated';

export interface SuccessEnvelope<T> {
  success: true;
  message?: string;
  data: T | null;
  meta: ResponseMeta;
}

/** The single response interceptor: every success leaves as `{success, message?, data, meta}`. */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean>(RAW_RESPONSE, context.getHandler())) return next.handle();
    const message = this.reflector.get<string | undefined>(RESPONSE_MESSAGE, context.getHandler());
    return next.handle().pipe(map((result: unknown) => wrap(result, message)));
  }
}

export function wrap(result: unknown, message?: string): SuccessEnvelope<unknown> {
  const head = message === undefined ? { success: true as const } : { success: true as const, message };
  if (result instanceof Paginated) {
    return { ...head, data: result.items, meta: responseMeta(result.pagination) };
  }
  return { ...head, data: result ?? null, meta: responseMeta() };
}
