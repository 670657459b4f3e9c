import { PreparedStatement } from '@app/database';
import type { ObjectLiteral } from 'typeorm';

/** `:name` placeholders (not `::casts`); names are lower camel case, so upper-case format strings never match. */
const NAMED = /(?<!:):([a-z][A-Za-z0-9]*)/g;

/**
 * A report's constant SQL with `:name` placeholders, as a named prepared statement (one text per report): each
 * name becomes `$n` in order of first use, so a statement of several CTEs stays readable.
 */
export function reportStatement<TRow extends ObjectLiteral>(name: string, text: string): PreparedStatement<TRow> {
  const keys: string[] = [];
  const sql = text.replace(NAMED, (_match, key: string) => {
    let index = keys.indexOf(key);
    if (index < 0) index = keys.push(key) - 1;
    return `$${index + 1}`;
  });
  return PreparedStatement.sql<TRow>(name, sql, keys);
}
