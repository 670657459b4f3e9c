import type { DataSource } from 'typeorm';

/**
 * A hash of every row of every table in the public schema, per table, in one statement. Migration bookkeeping
 * and token usage timestamps (`last_used_at`, written by every authenticated read) are left out; everything
 * else a request could change is covered, including tables added later.
 */
const EXCLUDED_TABLES = ['typeorm_migrations', 'typeorm_metadata'];
const EXCLUDED_COLUMNS = ['last_used_at'];

export type Snapshot = Record<string, string>;

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

export async function snapshotQuery(dataSource: DataSource): Promise<string> {
  const columns: { table_name: string; column_name: string }[] = await dataSource.query(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND c.table_name <> ALL($1) AND c.column_name <> ALL($2)
      ORDER BY c.table_name, c.ordinal_position`,
    [EXCLUDED_TABLES, EXCLUDED_COLUMNS],
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns) byTable.set(table_name, [...(byTable.get(table_name) ?? []), quote(column_name)]);
  const parts = [...byTable].map(
    ([table, cols]) =>
      `(SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) || ':' || count(*) FROM (SELECT ${cols.join(', ')} FROM ${quote(table)}) r) AS ${quote(table)}`,
  );
  return `SELECT ${parts.join(', ')}`;
}

export async function takeSnapshot(dataSource: DataSource, query: string): Promise<Snapshot> {
  const [row] = (await dataSource.query(query)) as Snapshot[];
  return row;
}

/** Tables whose rows differ (`name (rows before → after)`). */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys(after)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} (${before[table]?.split(':')[1] ?? '?'} → ${after[table].split(':')[1]} rows)`);
}
