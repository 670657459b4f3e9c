import { Role } from '@app/auth';
import { ACTIVITY, MINUTES, reportPieces, USER_NAME } from './report-entries.sql';

/**
 * getDailyAttendanceReport as ONE constant statement (`:startDate`, the date). Whose attendance:
 * the live, active members other than Project viewers (who do not track time), plus anyone who tracked time that
 * day. Statuses (reports.md), against the member's work schedule (work_schedules, HH:mm on the owner's clock):
 * - On leave: an approved leave request whose dates hold the date; it replaces Late, Left early, Tracked less
 *   and Absent (nobody is expected to work on leave);
 * - Late: tracked, and the first start (to the minute) after the schedule's start;
 * - Left early: tracked, no tracker still running, and the last end (to the minute) before the schedule's end;
 * - Tracked less: tracked, and fewer whole minutes than the schedule requires;
 * - Absent: nothing tracked, on a scheduled weekday or by a member without any schedule;
 * - Present: tracked, and none of Late, Left early, Tracked less.
 * A scheduled member's day off (no row for the weekday) without time has no status. "Holiday" is never given:
 * this server holds no holiday calendar. Breaks are the gaps of at least a minute between the day's pieces.
 * `:statuses` (text[] of labels, or null) keeps users with any of them, before the page is cut.
 */
export const DAILY_ATTENDANCE_SQL = `${reportPieces({
  days: 'one',
  user: (userId) => [`:userIds::int[] IS NULL OR ${userId} = ANY(:userIds::int[])`],
})}, attendees AS MATERIALIZED (
  SELECT m.user_id FROM workspace_members m
   WHERE m.workspace_id = :workspaceId AND m.deleted_at IS NULL AND m.status = 'active' AND m.role <> '${Role.ProjectViewer}'
     AND (:userIds::int[] IS NULL OR m.user_id = ANY(:userIds::int[]))
  UNION
  SELECT p.user_id FROM pieces p
), facts AS MATERIALIZED (
  SELECT a.user_id, d.day, s.start_time AS schedule_start, s.end_time AS schedule_end, s.required_minutes,
         EXISTS (SELECT 1 FROM work_schedules ws WHERE ws.workspace_id = :workspaceId AND ws.user_id = a.user_id) AS has_schedule,
         EXISTS (SELECT 1 FROM leave_requests lr
                  WHERE lr.workspace_id = :workspaceId AND lr.user_id = a.user_id AND lr.status = 'approved'
                    AND d.day BETWEEN lr.start_date AND lr.end_date) AS on_leave,
         t.first_start, t.last_end, COALESCE(t.minutes, 0) AS minutes, t.activity_level, COALESCE(t.running, false) AS running
    FROM attendees a
   CROSS JOIN days d
    LEFT JOIN work_schedules s ON s.workspace_id = :workspaceId AND s.user_id = a.user_id AND s.weekday = extract(isodow FROM d.day)
    LEFT JOIN LATERAL (
      SELECT min(p.ps) AS first_start, max(p.pe) AS last_end, ${MINUTES} AS minutes, ${ACTIVITY} AS activity_level,
             bool_or(p.end_time IS NULL AND p.pe < p.day_end) AS running
        FROM pieces p WHERE p.user_id = a.user_id
    ) t ON true
), flags AS MATERIALIZED (
  SELECT f.*, f.first_start IS NOT NULL AS tracked,
         f.first_start IS NOT NULL AND NOT f.on_leave AND f.schedule_start IS NOT NULL
           AND date_trunc('minute', f.first_start AT TIME ZONE b.tz) > f.day + f.schedule_start AS late,
         f.first_start IS NOT NULL AND NOT f.on_leave AND f.schedule_end IS NOT NULL AND NOT f.running
           AND date_trunc('minute', f.last_end AT TIME ZONE b.tz) < f.day + f.schedule_end AS left_early,
         f.first_start IS NOT NULL AND NOT f.on_leave AND f.required_minutes IS NOT NULL AND f.minutes < f.required_minutes AS tracked_less,
         f.first_start IS NULL AND NOT f.on_leave AND (f.schedule_start IS NOT NULL OR NOT f.has_schedule) AS absent
    FROM facts f CROSS JOIN bounds b
), graded AS MATERIALIZED (
  SELECT fl.*, array_remove(ARRAY[
           CASE WHEN fl.tracked AND NOT (fl.late OR fl.left_early OR fl.tracked_less) THEN 'Present' END,
           CASE WHEN fl.late THEN 'Late' END,
           CASE WHEN fl.left_early THEN 'Left early' END,
           CASE WHEN fl.tracked_less THEN 'Tracked less' END,
           CASE WHEN fl.absent THEN 'Absent' END,
           CASE WHEN fl.on_leave THEN 'On leave' END
         ], NULL) AS statuses
    FROM flags fl
), report_users AS MATERIALIZED (
  SELECT g.user_id FROM graded g WHERE :statuses::text[] IS NULL OR g.statuses && :statuses::text[]
), page_users AS MATERIALIZED (
  SELECT ru.user_id FROM report_users ru ORDER BY ru.user_id OFFSET :pageOffset LIMIT :pageLimit
), gaps AS MATERIALIZED (
  SELECT q.user_id, q.gap_start, q.gap_end FROM (
    SELECT p.user_id, lag(p.pe) OVER (PARTITION BY p.user_id ORDER BY p.ps) AS gap_start, p.ps AS gap_end
      FROM pieces p WHERE p.user_id IN (SELECT user_id FROM page_users)
  ) q WHERE q.gap_end - q.gap_start >= interval '1 minute'
)
SELECT (SELECT count(*)::int FROM report_users) AS total, (SELECT tz FROM bounds) AS tz,
  COALESCE((SELECT json_agg(json_build_object(
      'user_id', g.user_id, 'user_name', ${USER_NAME('u')}, 'statuses', g.statuses, 'first_start', g.first_start,
      'last_end', g.last_end, 'day_end', (SELECT d.day_end FROM days d), 'tracked_minutes', g.minutes,
      'required_minutes', COALESCE(g.required_minutes, 0), 'activity_level', g.activity_level,
      'breaks', COALESCE((SELECT json_agg(json_build_object('start', gp.gap_start, 'end', gp.gap_end) ORDER BY gp.gap_start)
                            FROM gaps gp WHERE gp.user_id = g.user_id), '[]'::json)
    ) ORDER BY g.user_id)
    FROM page_users pu JOIN graded g ON g.user_id = pu.user_id JOIN users u ON u.id = g.user_id), '[]'::json) AS users`;

export interface AttendanceRow {
  total: number;
  tz: string;
  users: {
    user_id: number;
    user_name: string;
    statuses: string[];
    first_start: string | null;
    last_end: string | null;
    day_end: string;
    tracked_minutes: number;
    required_minutes: number;
    activity_level: number | null;
    breaks: { start: string; end: string }[];
  }[];
}
