import { PaginationMeta } from './meta';

/** What list handlers return; the interceptor moves `pagination` into `meta`. */
export class Paginated<T> {
  constructor(
    readonly items: T[],
    readonly pagination: PaginationMeta,
  ) {}
}

/**
 * What a handler returns when the envelope needs more than `data`: a dynamic `message` (startTimeTracking's
 * text) or documented fields beside `data` (createTimeEntry's `saved_minutes`, declared with `Responds`'s
 * `topLevel`). The interceptor unwraps it; every other handler keeps returning plain DTOs.
 */
export class Reply<T, Extra extends Record<string, unknown> = Record<string, never>> {
  constructor(
    readonly data: T,
    /** `pagination`: a per-user report's page (reports.md), sent as `meta.pagination` beside a `data` object. */
    readonly options: { message?: string; topLevel?: Extra; pagination?: PaginationMeta } = {},
  ) {}
}

/**
 * A body sent as it is, outside the envelope, with its own headers: a report's `text/csv` answer (an extension
 * chosen by `Accept`). The interceptor sets the headers and sends the text.
 */
export class RawBody {
  constructor(
    readonly body: string,
    readonly headers: Record<string, string>,
  ) {}
}
