import type { CellContext, MatrixRow, RecordId, ScopedRecords } from '../matrix.types';
import { personScope } from '../person-scope';

/**
 * Reports cover everyone's time, and only OW and EM may read them (roles.md "reports: all operations", from
 * reports.md: "Only workspace owners and executive managers can access this endpoint"). The records are the
 * people of workspace A (person-scope.ts), each with an hour of time on the report day; a report that lists them
 * all, beyond the caller's own scope, shows "200 all". The daily timeline only reaches a year back, so the day is recent.
 */
const DAY = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);

async function peopleWithTime(ctx: CellContext): Promise<ScopedRecords> {
  const people = await personScope(ctx);
  const everyone = [...people.inScope, ...people.outOfScope];
  for (const userId of everyone) {
    await ctx.f.timeEntries.create({
      workspaceId: ctx.workspace.id,
      userId: Number(userId),
      start: `${DAY}T14:00:00Z`,
      end: `${DAY}T15:00:00Z`,
    });
  }
  // As the person scope of roles.md splits them: a report that shows them all shows more than the caller's own scope.
  return people;
}

const usersOf = ({ data }: { data: unknown }): RecordId[] => (data as { users: { user_id: number }[] }).users.map((user) => user.user_id);

const OW_EM_ONLY = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'non-member': '403 member',
  // The Owner of B reads B's report: none of A's people.
  'foreign member': '200 none',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

const row = (operationId: string, path: string, query: string, listedIds = usersOf): MatrixRow => ({
  operationId,
  method: 'GET',
  path,
  workspaceScoped: true,
  kind: 'list',
  query,
  basis:
    'roles.md reports: OW, EM only; reports.md: "Only workspace owners and executive managers can access this endpoint"; auth.md: read',
  records: peopleWithTime,
  listedIds,
  expect: OW_EM_ONLY,
});

export const REPORTS_ROWS: MatrixRow[] = [
  row('getTrackedHoursReport', '/reports/tracked-hours', `start_date=${DAY}&end_date=${DAY}`, ({ data }) =>
    Object.values((data as { days: Record<string, { users: { user_id: number }[] }> }).days).flatMap((day) =>
      day.users.map((user) => user.user_id),
    ),
  ),
  row('getDailyTimelineReport', '/reports/daily-timeline', `date=${DAY}&per_page=100`),
  row('getTaskReport', '/reports/task-report', `start_date=${DAY}&end_date=${DAY}&per_page=100`),
  row('getActivityLevelReport', '/reports/activity-level', `start_date=${DAY}&end_date=${DAY}&per_page=100`),
  row('getDailyAttendanceReport', '/reports/daily-attendance', `date=${DAY}&per_page=100`),
  row('getActivityDescriptionsReport', '/reports/activity-descriptions', `start_date=${DAY}&end_date=${DAY}&per_page=100`),
];
