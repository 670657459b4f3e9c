import { AMOUNT_JOINS, AMOUNT_OF, CURRENCY } from './report-amounts.sql';
import { reportPieces, USER_NAME } from './report-entries.sql';

/**
 * getTrackedHoursReport as ONE constant statement: whole minutes per owner-zone day, user, project and contract
 * (summed over every tracking method), with each item's amount and currency. Flat rows, in the order the report
 * lists them; the mapper nests them by day and drops money the caller may not see.
 *
 * Parameters: `:workspaceId`, `:startDate`, `:endDate`, `:userIds` (int[] or null: the `user_id` ∩ `users`
 * filter), `:projectIds`, `:teamIds` (int[] or null) and `:currencies` (text[] or null; only items with an
 * amount in one of them, for callers who may view rates).
 */
export const TRACKED_HOURS_SQL = `${reportPieces({
  columns: ['user_id', 'project_id', 'contract_id', 'start_time', 'end_time'],
  entry: (e) => [`:projectIds::int[] IS NULL OR ${e}.project_id = ANY(:projectIds::int[])`],
  user: (userId) => [
    `:userIds::int[] IS NULL OR ${userId} = ANY(:userIds::int[])`,
    `:teamIds::int[] IS NULL OR ${userId} IN (SELECT tm.user_id FROM team_members tm JOIN teams tt ON tt.id = tm.team_id
                                               WHERE tt.workspace_id = :workspaceId AND tm.team_id = ANY(:teamIds::int[]))`,
  ],
})}, items AS (
  SELECT p.day, p.user_id, p.project_id, p.contract_id, floor(sum(p.seconds) / 60)::int AS minutes
    FROM pieces p
   GROUP BY p.day, p.user_id, p.project_id, p.contract_id
), priced AS (
  SELECT t.day::text AS day, t.user_id, ${USER_NAME('u')} AS user_name, t.project_id, pr.name AS project_name, t.contract_id,
         t.minutes AS total_minutes, ${AMOUNT_OF('t.minutes')} AS amount, ${CURRENCY} AS currency
    FROM items t
    JOIN users u ON u.id = t.user_id
    LEFT JOIN projects pr ON pr.id = t.project_id
    ${AMOUNT_JOINS('t.contract_id', 't.user_id')}
   WHERE t.minutes > 0
)
SELECT * FROM priced
 WHERE :currencies::text[] IS NULL OR (amount IS NOT NULL AND currency = ANY(:currencies::text[]))
 ORDER BY day, user_id, project_id NULLS LAST, contract_id NULLS LAST`;

/** One row of TRACKED_HOURS_SQL. */
export interface TrackedHoursRow {
  day: string;
  user_id: number;
  user_name: string;
  project_id: number | null;
  project_name: string | null;
  contract_id: number | null;
  total_minutes: number;
  amount: string | null;
  currency: string;
}
