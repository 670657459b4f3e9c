import { ownerZoneSql } from '@app/common';

/**
 * The CTEs every report starts from: the workspace owner's zone, the report's days in that zone, and the
 * report's time cut into one piece per entry and day. Parameters: `:workspaceId`, `:startDate`, `:endDate`
 * (`YYYY-MM-DD`, inclusive) plus whatever the report's own entry filters name.
 *
 * Bounded reads only: the entries starting inside the range come from time_entries_workspace_time_idx
 * (workspace_id, start_time) as one index range scan. An entry can be of any length (a tracker stopped weeks
 * later is one row; there is no cap to lean on), so a fixed lower margin would be a guess; instead, since two
 * entries of a member never overlap (time_entries_no_overlap_ex), only each member's LAST entry starting before
 * the range can run into it: one backward probe per member on time_entries_member_time_idx, never a scan of the
 * member's history.
 */

/** The owner's zone, UTC when unset (conventions.md "Report days follow the workspace owner's timezone"). */
const ZONE = 'z.tz';

/**
 * The first instant the owner's clock reads `local` (a timestamp without zone), as the timesheet breakdown
 * computes a member's day (timesheet-breakdown.sql.ts): `local AT TIME ZONE zone`, or where clocks fall back to
 * `local`, the earlier of its two readings; in a spring-forward gap, the end of the gap.
 */
const firstInstant = (local: string): string => {
  const late = `(${local} AT TIME ZONE ${ZONE})`;
  const before = `(${late} - interval '3 hours')`;
  const early = `((${local} - ((${before} AT TIME ZONE ${ZONE}) - (${before} AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC')`;
  return `CASE WHEN ${early} < ${late} AND (${early} AT TIME ZONE ${ZONE}) = ${local} THEN ${early} ELSE ${late} END`;
};

/** The columns a piece carries from its entry. */
const ENTRY_COLUMNS = [
  'user_id',
  'project_id',
  'contract_id',
  'task_id',
  'activity_description',
  'method',
  'activity_level',
  'start_time',
  'end_time',
] as const;

export type EntryColumn = (typeof ENTRY_COLUMNS)[number];

const UNTIL = (alias: string): string => `COALESCE(${alias}.end_time, now()) AS until`;
const FIRST_DAY = (alias: string): string => `(greatest(${alias}.start_time, b.lo) AT TIME ZONE b.tz)::date AS first_day`;

export interface EntryFilters {
  /** Predicates on the entry (alias given), e.g. `${a}.project_id = ANY(:projectIds)`; all must hold. */
  entry?: (alias: string) => string[];
  /** Predicates on the member's user id (an expression), applied before the per-member probe as well. */
  user?: (userId: string) => string[];
  /** `one`: the report covers `:startDate` only (no `:endDate`). */
  days?: 'one' | 'range';
  /** The entry columns the report reads (default: all); fewer keep the materialized rows narrow. */
  columns?: readonly EntryColumn[];
}

const and = (predicates: string[]): string => predicates.map((predicate) => ` AND (${predicate})`).join('');

/**
 * `WITH zone, days, bounds, ranged, pieces`: a piece is one entry's part of one report day, `ps`..`pe`, with a
 * running entry counted up to the statement's now(); an entry across midnight gives a piece on each day.
 */
export function reportPieces(filters: EntryFilters = {}): string {
  const columns = filters.columns ?? ENTRY_COLUMNS;
  const days = filters.days ?? 'range';
  const columnsOf = (alias: string): string => columns.map((column) => `${alias}.${column}`).join(', ');
  const entry = filters.entry ?? (() => []);
  const user = filters.user ?? (() => []);
  return `WITH zone AS MATERIALIZED (
  SELECT ${ownerZoneSql(':workspaceId')} AS tz
), days AS MATERIALIZED (
  SELECT g.local::date AS day, ${firstInstant('g.local')} AS day_start, ${firstInstant("(g.local + interval '1 day')")} AS day_end
    -- Integer offsets, which the planner counts exactly for a custom plan (it guesses 1000 for the timestamp
    -- form); capped at the longest range the DTOs accept, and a constant for the one-date reports, so a generic
    -- plan's guess stays small too (a guess of 1000 days made the attendance plan's cost trigger JIT).
    FROM zone z, ${days === 'one' ? '(VALUES (0)) AS n(offset_days)' : '(SELECT generate_series(0, :endDate::date - :startDate::date) LIMIT 366) AS n(offset_days)'},
         LATERAL (SELECT (:startDate::date + n.offset_days)::timestamp AS local) g
), bounds AS MATERIALIZED (
  SELECT min(d.day_start) AS lo, max(d.day_end) AS hi, (SELECT tz FROM zone) AS tz FROM days d
), ranged AS MATERIALIZED (
  -- \`until\`: a running entry counts up to the statement's now(); \`first_day\`: the owner-zone date the entry's
  -- part in the range starts on, as the clock reads it.
  SELECT ${columnsOf('e')}, ${UNTIL('e')}, ${FIRST_DAY('e')}
    FROM bounds b JOIN time_entries e ON e.workspace_id = :workspaceId AND e.start_time >= b.lo AND e.start_time < b.hi
   WHERE true${and([...entry('e'), ...user('e.user_id')])}
  UNION ALL
  SELECT ${columnsOf('l')}, ${UNTIL('l')}, ${FIRST_DAY('l')}
    FROM bounds b
    JOIN workspace_members m ON m.workspace_id = :workspaceId${and(user('m.user_id'))}
    CROSS JOIN LATERAL (
      SELECT ${columnsOf('le')} FROM time_entries le
       WHERE le.workspace_id = m.workspace_id AND le.user_id = m.user_id AND le.start_time < b.lo
       ORDER BY le.start_time DESC LIMIT 1
    ) l
   WHERE (l.end_time IS NULL OR l.end_time > b.lo)${and(entry('l'))}
), spans AS (
  -- Each entry's first day by equality (a hash join), then, for the few entries that run past it, the following
  -- days they reach. Days are bounded by their own instants, so a DST day, or a fall-back that repeats the hour
  -- before midnight (that hour reads as the earlier date but belongs to the later one), needs no special case.
  SELECT r.*, d.day, d.day_start, d.day_end FROM ranged r JOIN days d ON d.day = r.first_day
  UNION ALL
  SELECT r.*, n.day, n.day_start, n.day_end
    FROM ranged r
    JOIN days f ON f.day = r.first_day AND r.until > f.day_end
    JOIN days n ON n.day_start >= f.day_end AND n.day_start < r.until
), pieces AS MATERIALIZED (
  SELECT ${columnsOf('x')}, x.day, x.day_end,
         greatest(x.start_time, x.day_start) AS ps, least(x.until, x.day_end) AS pe,
         extract(epoch FROM least(x.until, x.day_end) - greatest(x.start_time, x.day_start)) AS seconds
    FROM spans x
   WHERE greatest(x.start_time, x.day_start) < least(x.until, x.day_end)
)`;
}

/** `John Doe`, as the members list names people. */
export const USER_NAME = (alias: string): string => `concat_ws(' ', ${alias}.firstname, ${alias}.lastname)`;

/** Whole minutes of a set of pieces (seconds summed first, so pieces of a few seconds still add up). */
export const MINUTES = 'floor(sum(p.seconds) / 60)::int';

/** The minutes-weighted activity level of a set of pieces: null when none carries one. */
export const ACTIVITY = `round(sum(p.activity_level * p.seconds) FILTER (WHERE p.activity_level IS NOT NULL)
  / NULLIF(sum(p.seconds) FILTER (WHERE p.activity_level IS NOT NULL), 0))::int`;
