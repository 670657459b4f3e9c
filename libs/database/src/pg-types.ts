import pg from 'pg';

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * `date` columns stay `YYYY-MM-DD` strings (node-pg would build a local-midnight Date), and
 * `count(*)`/bigint values become numbers (they stay far below 2^53 here).
 */
export function configurePgTypes(): void {
  pg.types.setTypeParser(DATE_OID, (value: string) => value);
  pg.types.setTypeParser(INT8_OID, (value: string) => Number.parseInt(value, 10));
}
