import { AMOUNT_JOINS, AMOUNT_OF, CURRENCY } from './report-amounts.sql';
import { ACTIVITY, EntryFilters, MINUTES, reportPieces, USER_NAME } from './report-entries.sql';

/**
 * The reports that page over users (reports.md "Per-user pagination"), each ONE constant statement answering
 * one row: `total` (users in the report, for meta.pagination), `tz` (the owner's zone), `users` (the page's
 * users, by id) and `items` (the page's aggregated rows, flat); the mapper nests them. A page past the end
 * still gets its row, so the total never needs a second statement.
 */

/** `users` / `user_ids`: int[] or null. */
const USER_FILTER: EntryFilters['user'] = (userId) => [`:userIds::int[] IS NULL OR ${userId} = ANY(:userIds::int[])`];

const PROJECT_FILTER = (e: string): string => `:projectIds::int[] IS NULL OR ${e}.project_id = ANY(:projectIds::int[])`;

/** The users with time in the report, and the page of them. */
const PAGE = `, report_users AS MATERIALIZED (
  SELECT DISTINCT p.user_id FROM pieces p
), page_users AS MATERIALIZED (
  SELECT ru.user_id FROM report_users ru ORDER BY ru.user_id OFFSET :pageOffset LIMIT :pageLimit
)`;

const IN_PAGE = 'p.user_id IN (SELECT user_id FROM page_users)';

function answer(userFields: string, items: string, extra = ''): string {
  return `SELECT (SELECT count(*)::int FROM report_users) AS total, (SELECT tz FROM bounds) AS tz,
  COALESCE((SELECT json_agg(json_build_object('user_id', u.id, 'user_name', ${USER_NAME('u')}${userFields}) ORDER BY u.id)
              FROM page_users pu JOIN users u ON u.id = pu.user_id), '[]'::json) AS users,
  COALESCE((SELECT json_agg(i) FROM (${items}) i), '[]'::json) AS items${extra}`;
}

/** getDailyTimelineReport: every piece of the date (`:startDate`), and per user the contract amounts. */
export const DAILY_TIMELINE_SQL = `${reportPieces({ user: USER_FILTER, days: 'one' })}${PAGE}
${answer(
  `, 'activity_level', (SELECT ${ACTIVITY} FROM pieces p WHERE p.user_id = u.id),
  'amounts', (SELECT COALESCE(json_agg(json_build_object('amount', a.amount, 'currency', a.currency)), '[]'::json) FROM (
    SELECT ${AMOUNT_OF('c.minutes')} AS amount, ${CURRENCY}::text AS currency
      FROM (SELECT p.contract_id, ${MINUTES} AS minutes FROM pieces p WHERE p.user_id = u.id GROUP BY p.contract_id) c
      ${AMOUNT_JOINS('c.contract_id', 'u.id')}) a WHERE a.amount IS NOT NULL)`,
  `SELECT p.user_id, p.ps AS start, CASE WHEN p.end_time IS NULL AND p.pe < p.day_end THEN NULL ELSE p.pe END AS "end",
          floor(p.seconds / 60)::int AS duration_minutes, p.project_id, pr.name AS project_name, p.task_id, tk.title AS task_title,
          p.activity_description, p.method AS tracking_method, p.activity_level
     FROM pieces p
     LEFT JOIN projects pr ON pr.id = p.project_id
     LEFT JOIN tasks tk ON tk.id = p.task_id
    WHERE ${IN_PAGE}
    ORDER BY p.user_id, p.ps`,
)}`;

/**
 * getTaskReport: minutes per user, day, task and project. `:taskIds` (int[] or null) selects tasks; time without
 * a task follows `:includeNoTask` alone.
 */
export const TASK_REPORT_SQL = `${reportPieces({
  user: USER_FILTER,
  entry: (e) => [
    PROJECT_FILTER(e),
    `(${e}.task_id IS NULL AND :includeNoTask::boolean) OR (${e}.task_id IS NOT NULL AND (:taskIds::int[] IS NULL OR ${e}.task_id = ANY(:taskIds::int[])))`,
  ],
})}${PAGE}
${answer(
  '',
  `SELECT t.user_id, t.day::text AS day, t.task_id, tk.title AS task_title, t.project_id, pr.name AS project_name, t.minutes AS total_minutes
     FROM (SELECT p.user_id, p.day, p.task_id, p.project_id, ${MINUTES} AS minutes FROM pieces p WHERE ${IN_PAGE}
            GROUP BY p.user_id, p.day, p.task_id, p.project_id) t
     LEFT JOIN projects pr ON pr.id = t.project_id
     LEFT JOIN tasks tk ON tk.id = t.task_id
    WHERE t.minutes > 0
    ORDER BY t.user_id, t.day, t.task_id NULLS LAST, t.project_id NULLS LAST`,
)}`;

/**
 * getActivityLevelReport: minutes and weighted activity per user and day; `overall` over every user and day of
 * the range (not just the page). `:contractId` (int or null) keeps one contract's time.
 */
export const ACTIVITY_LEVEL_SQL = `${reportPieces({
  user: USER_FILTER,
  entry: (e) => [`:contractId::int IS NULL OR ${e}.contract_id = :contractId::int`],
})}${PAGE}, user_days AS MATERIALIZED (
  SELECT p.user_id, p.day, ${MINUTES} AS minutes, ${ACTIVITY} AS activity_level,
         sum(p.activity_level * p.seconds) FILTER (WHERE p.activity_level IS NOT NULL) AS weighted,
         sum(p.seconds) FILTER (WHERE p.activity_level IS NOT NULL) AS sampled
    FROM pieces p GROUP BY p.user_id, p.day
)
${answer(
  `, 'activity_level', (SELECT round(sum(ud.weighted) / NULLIF(sum(ud.sampled), 0))::int FROM user_days ud WHERE ud.user_id = u.id)`,
  `SELECT ud.user_id, ud.day::text AS date, ud.activity_level, ud.minutes AS total_minutes
     FROM user_days ud WHERE ud.user_id IN (SELECT user_id FROM page_users) AND ud.minutes > 0
    ORDER BY ud.user_id, ud.day`,
  `,
  (SELECT COALESCE(sum(ud.minutes), 0)::int FROM user_days ud) AS overall_minutes,
  (SELECT round(sum(ud.weighted) / NULLIF(sum(ud.sampled), 0))::int FROM user_days ud) AS overall_activity_level`,
)}`;

/** getActivityDescriptionsReport: minutes per user, description (null grouped) and project over the range. */
export const ACTIVITY_DESCRIPTIONS_SQL = `${reportPieces({ user: USER_FILTER, entry: (e) => [PROJECT_FILTER(e)] })}${PAGE}
${answer(
  '',
  `SELECT t.user_id, t.activity_description, t.project_id, pr.name AS project_name, t.minutes AS total_minutes
     FROM (SELECT p.user_id, p.activity_description, p.project_id, ${MINUTES} AS minutes FROM pieces p WHERE ${IN_PAGE}
            GROUP BY p.user_id, p.activity_description, p.project_id) t
     LEFT JOIN projects pr ON pr.id = t.project_id
    WHERE t.minutes > 0
    ORDER BY t.user_id, t.minutes DESC, t.activity_description NULLS LAST, t.project_id NULLS LAST`,
)}`;
