WITH zone AS MATERIALIZED (
  SELECT COALESCE((SELECT ou.timezone FROM workspaces w JOIN users ou ON ou.id = w.owner_id WHERE w.id = $1), 'UTC') AS tz
), days AS MATERIALIZED (
  SELECT g.local::date AS day, CASE WHEN ((g.local - ((((g.local AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE z.tz) - (((g.local AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') < (g.local AT TIME ZONE z.tz) AND (((g.local - ((((g.local AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE z.tz) - (((g.local AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') AT TIME ZONE z.tz) = g.local THEN ((g.local - ((((g.local AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE z.tz) - (((g.local AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') ELSE (g.local AT TIME ZONE z.tz) END AS day_start, CASE WHEN (((g.local + interval '1 day') - (((((g.local + interval '1 day') AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE z.tz) - ((((g.local + interval '1 day') AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') < ((g.local + interval '1 day') AT TIME ZONE z.tz) AND ((((g.local + interval '1 day') - (((((g.local + interval '1 day') AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE z.tz) - ((((g.local + interval '1 day') AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') AT TIME ZONE z.tz) = (g.local + interval '1 day') THEN (((g.local + interval '1 day') - (((((g.local + interval '1 day') AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE z.tz) - ((((g.local + interval '1 day') AT TIME ZONE z.tz) - interval '3 hours') AT TIME ZONE 'UTC'))) AT TIME ZONE 'UTC') ELSE ((g.local + interval '1 day') AT TIME ZONE z.tz) END AS day_end
    -- Integer offsets, which the planner counts exactly for a custom plan (it guesses 1000 for the timestamp
    -- form); capped at the longest range the DTOs accept, and a constant for the one-date reports, so a generic
    -- plan's guess stays small too (a guess of 1000 days made the attendance plan's cost trigger JIT).
    FROM zone z, (SELECT generate_series(0, $2::date - $3::date) LIMIT 366) AS n(offset_days),
         LATERAL (SELECT ($3::date + n.offset_days)::timestamp AS local) g
), bounds AS MATERIALIZED (
  SELECT min(d.day_start) AS lo, max(d.day_end) AS hi, (SELECT tz FROM zone) AS tz FROM days d
), ranged AS MATERIALIZED (
  -- `until`: a running entry counts up to the statement's now(); `first_day`: the owner-zone date the entry's
  -- part in the range starts on, as the clock reads it.
  SELECT e.user_id, e.project_id, e.contract_id, e.start_time, e.end_time, COALESCE(e.end_time, now()) AS until, (greatest(e.start_time, b.lo) AT TIME ZONE b.tz)::date AS first_day
    FROM bounds b JOIN time_entries e ON e.workspace_id = $1 AND e.start_time >= b.lo AND e.start_time < b.hi
   WHERE true AND ($4::int[] IS NULL OR e.project_id = ANY($4::int[])) AND ($5::int[] IS NULL OR e.user_id = ANY($5::int[])) AND ($6::int[] IS NULL OR e.user_id IN (SELECT tm.user_id FROM team_members tm JOIN teams tt ON tt.id = tm.team_id
                                               WHERE tt.workspace_id = $1 AND tm.team_id = ANY($6::int[])))
  UNION ALL
  SELECT l.user_id, l.project_id, l.contract_id, l.start_time, l.end_time, COALESCE(l.end_time, now()) AS until, (greatest(l.start_time, b.lo) AT TIME ZONE b.tz)::date AS first_day
    FROM bounds b
    JOIN workspace_members m ON m.workspace_id = $1 AND ($5::int[] IS NULL OR m.user_id = ANY($5::int[])) AND ($6::int[] IS NULL OR m.user_id IN (SELECT tm.user_id FROM team_members tm JOIN teams tt ON tt.id = tm.team_id
                                               WHERE tt.workspace_id = $1 AND tm.team_id = ANY($6::int[])))
    CROSS JOIN LATERAL (
      SELECT le.user_id, le.project_id, le.contract_id, le.start_time, le.end_time FROM time_entries le
       WHERE le.workspace_id = m.workspace_id AND le.user_id = m.user_id AND le.start_time < b.lo
       ORDER BY le.start_time DESC LIMIT 1
    ) l
   WHERE (l.end_time IS NULL OR l.end_time > b.lo) AND ($4::int[] IS NULL OR l.project_id = ANY($4::int[]))
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
  SELECT x.user_id, x.project_id, x.contract_id, x.start_time, x.end_time, x.day, x.day_end,
         greatest(x.start_time, x.day_start) AS ps, least(x.until, x.day_end) AS pe,
         extract(epoch FROM least(x.until, x.day_end) - greatest(x.start_time, x.day_start)) AS seconds
    FROM spans x
   WHERE greatest(x.start_time, x.day_start) < least(x.until, x.day_end)
), items AS (
  SELECT p.day, p.user_id, p.project_id, p.contract_id, floor(sum(p.seconds) / 60)::int AS minutes
    FROM pieces p
   GROUP BY p.day, p.user_id, p.project_id, p.contract_id
), priced AS (
  SELECT t.day::text AS day, t.user_id, concat_ws(' ', u.firstname, u.lastname) AS user_name, t.project_id, pr.name AS project_name, t.contract_id,
         t.minutes AS total_minutes, CASE WHEN bcp.is_billable AND CASE bc.rate_type WHEN 2 THEN bm.rate WHEN 3 THEN bcp.rate ELSE bc.rate END IS NOT NULL THEN round(t.minutes * CASE bc.rate_type WHEN 2 THEN bm.rate WHEN 3 THEN bcp.rate ELSE bc.rate END / 60, 2)::text END AS amount, COALESCE(bc.currency, 'USD') AS currency
    FROM items t
    JOIN users u ON u.id = t.user_id
    LEFT JOIN projects pr ON pr.id = t.project_id
    
  LEFT JOIN contracts bc ON bc.id = t.contract_id
  LEFT JOIN projects bcp ON bcp.id = bc.project_id
  LEFT JOIN workspace_members bm ON bm.workspace_id = $1 AND bm.user_id = t.user_id
   WHERE t.minutes > 0
)
SELECT * FROM priced
 WHERE $7::text[] IS NULL OR (amount IS NOT NULL AND currency = ANY($7::text[]))
 ORDER BY day, user_id, project_id NULLS LAST, contract_id NULLS LAST
