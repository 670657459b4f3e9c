/** Ids are PostgreSQL `integer`s: anything outside 1..2^31-1 cannot exist (and must not reach a query). */
export const MAX_DATABASE_ID = 2_147_483_647;

const CANONICAL_POSITIVE_INTEGER = /^[1-9]\d{0,9}$/;

export function isDatabaseId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DATABASE_ID;
}

/** The id spelled by `text` when it is written exactly as `String(id)` would write it; otherwise undefined. */
export function parseCanonicalId(text: unknown): number | undefined {
  if (typeof text !== 'string' || !CANONICAL_POSITIVE_INTEGER.test(text)) return undefined;
  const id = Number(text);
  return isDatabaseId(id) ? id : undefined;
}
