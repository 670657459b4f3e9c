export const API_VERSION = '2.0.0';

export interface PaginationMeta {
  total: number;
  per_page: number;
  current_page: number;
  last_page: number;
  from: number | null;
  to: number | null;
}

export interface ResponseMeta {
  api_version: string;
  timestamp: string;
  pagination?: PaginationMeta;
}

/** UTC `YYYY-MM-DDTHH:mm:ssZ`, the documented timestamp shape. */
export function utcTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// The timestamp has whole seconds: format it once per second, not once per response.
let cachedSecond = -1;
let cachedTimestamp = '';
function currentTimestamp(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedTimestamp = utcTimestamp(new Date(second * 1000));
  }
  return cachedTimestamp;
}

export function responseMeta(pagination?: PaginationMeta): ResponseMeta {
  const meta: ResponseMeta = { api_version: API_VERSION, timestamp: currentTimestamp() };
  if (pagination) meta.pagination = pagination;
  return meta;
}
