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

export function responseMeta(pagination?: PaginationMeta): ResponseMeta {
  const meta: ResponseMeta = { api_version: API_VERSION, timestamp: utcTimestamp() };
  if (pagination) meta.pagination = pagination;
  return meta;
}
