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

const columnsOf = (alias: string): string => ENTRY_COLUMNS.map((column) => `${alias}.${column}`).join(', ');

export interface EntryFilters {
  /** Predicates on the entry (alias given), e.g. `${a}.project_id = ANY(:projectIds)`; all must hold. */
  entry?: (alias: string) => string[];
  /** Predicates on the member's user id (an expression), applied before the per-member probe as well. */
  user?: (userId: string) => string[];
}

const and = (predicates: string[]): string => predicates.map((predicate) => ` AND (${predicate})`).join('');

/**
 * `WITH zone, days, bounds, ranged, pieces`: a piece is one entry's part of one report day, `ps`..`pe`, with a
 * running entry counted up to the statement's now(); an entry across midnight gives a piece on each day.
 */
export function reportPieces(filters: EntryFilters = {}): string {
  const entry = filters.entry ?? (() => []);
  const user = filters.user ?? (() => []);
  return `WITH zone AS MATERIALIZED (
  SELECT COALESCE((SELECT ou.timezone FROM workspaces w JOIN users ou ON ou.id = w.owner_id WHERE w.id = :workspaceId), 'UTC') AS tz
), days AS MATERIALIZED (
  SELECT g.local::date AS day, ${firstInstant('g.local')} AS day_start, ${firstInstant("(g.local + interval '1 day')")} AS day_end
    FROM zone z, generate_series(:startDate::date::timestamp, :endDate::date::timestamp, interval '1 day') AS g(local)
), bounds AS MATERIALIZED (
  SELECT min(d.day_start) AS lo, max(d.day_end) AS hi, (SELECT tz FROM zone) AS tz FROM days d
), ranged AS MATERIALIZED (
  SELECT ${columnsOf('e')}
    FROM bounds b JOIN time_entries e ON e.workspace_id = :workspaceId AND e.start_time >= b.lo AND e.start_time < b.hi
   WHERE true${and([...entry('e'), ...user('e.user_id')])}
  UNION ALL
  SELECT ${columnsOf('l')}
    FROM bounds b
    JOIN workspace_members m ON m.workspace_id = :workspaceId${and(user('m.user_id'))}
    CROSS JOIN LATERAL (
      SELECT ${columnsOf('le')} FROM time_entries le
       WHERE le.workspace_id = m.workspace_id AND le.user_id = m.user_id AND le.start_time < b.lo
       ORDER BY le.start_time DESC LIMIT 1
    ) l
   WHERE (l.end_time IS NULL OR l.end_time > b.lo)${and(entry('l'))}
), pieces AS MATERIALIZED (
  SELECT ${columnsOf('r')}, d.day, d.day_end,
         greatest(r.start_time, d.day_start) AS ps, least(COALESCE(r.end_time, now()), d.day_end) AS pe,
         extract(epoch FROM least(COALESCE(r.end_time, now()), d.day_end) - greatest(r.start_time, d.day_start)) AS seconds
    FROM ranged r
    CROSS JOIN bounds b
    -- The owner-zone dates the entry reads as, one more at the end: where clocks fall back across midnight the
    -- repeated hour reads as the earlier date but belongs to the later one.
    CROSS JOIN LATERAL generate_series((greatest(r.start_time, b.lo) AT TIME ZONE b.tz)::date::timestamp,
                                       (least(COALESCE(r.end_time, now()), b.hi) AT TIME ZONE b.tz)::date::timestamp + interval '1 day',
                                       interval '1 day') AS gs(local)
    JOIN days d ON d.day = gs.local::date
   WHERE greatest(r.start_time, d.day_start) < least(COALESCE(r.end_time, now()), d.day_end)
)`;
}

/** `John Doe`, as the members list names people. */
export const USER_NAME = (alias: string): string => `concat_ws(' ', ${alias}.firstname, ${alias}.lastname)`;

/** Whole minutes of a set of pieces (seconds summed first, so pieces of a few seconds still add up). */
export const MINUTES = 'floor(sum(p.seconds) / 60)::int';

/** The minutes-weighted activity level of a set of pieces: null when none carries one. */
export const ACTIVITY = `round(sum(p.activity_level * p.seconds) FILTER (WHERE p.activity_level IS NOT NULL)
  / NULLIF(sum(p.seconds) FILTER (WHERE p.activity_level IS NOT NULL), 0))::int`;
