/** Ids are PostgreSQL `integer`s: anything outside 1..2^31-1 cannot exist (and must not reach a query). */
export const MAX_DATABASE_ID = 2_147_483_647;

export function isDatabaseId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DATABASE_ID;
}
