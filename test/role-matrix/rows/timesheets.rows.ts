import { expect } from '@jest/globals';
import { Role } from '@app/auth';
import type { CellContext, CellResponses, MatrixRow, RecordId, ScopedRecords } from '../matrix.types';
import { personScope } from '../person-scope';

/** A timesheet of `userId` in workspace A (the ledger would create it with the member's first recorded time). */
async function timesheetOf({ dataSource, workspace }: CellContext, userId: RecordId, status: string): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to, status) VALUES ($1, $2, '2025-06-02', '2025-06-08', $3) RETURNING id`,
    [workspace.id, userId, status],
  );
  return rows[0].id;
}

/** One timesheet per member of the person scope (roles.md), in and out of it alike. */
const personTimesheets =
  (status: string) =>
  async (ctx: CellContext): Promise<ScopedRecords> => {
    const people = await personScope(ctx);
    return {
      inScope: await Promise.all(people.inScope.map((userId) => timesheetOf(ctx, userId, status))),
      outOfScope: await Promise.all(people.outOfScope.map((userId) => timesheetOf(ctx, userId, status))),
    };
  };

/**
 * submit and unsubmit (roles.md "self" for TM, PM and RU): the caller's own timesheet is in scope; everyone
 * else's, team mates and managed projects' members included, is out of it. OW and EM act on anyone's.
 */
const ownTimesheets =
  (status: string) =>
  async (ctx: CellContext): Promise<ScopedRecords> => {
    const people = await personScope(ctx);
    const everyone = [...people.inScope, ...people.outOfScope];
    const own = ctx.caller.liveRole === Role.Owner || ctx.caller.liveRole === Role.ExecutiveManager ? [] : [ctx.caller.userId];
    const others = everyone.filter((userId) => !own.includes(Number(userId)));
    return {
      inScope: await Promise.all(own.filter((userId) => everyone.includes(userId)).map((userId) => timesheetOf(ctx, userId, status))),
      outOfScope: await Promise.all(others.map((userId) => timesheetOf(ctx, userId, status))),
    };
  };

/** Each record's stored status: `after` where the request succeeded, unchanged (`before`) elsewhere. */
const verifyStatus =
  (before: string, after: string) =>
  async ({ dataSource }: CellContext, responses: CellResponses): Promise<void> => {
    for (const [id, response] of responses.byRecord) {
      const [row] = (await dataSource.query('SELECT status FROM timesheets WHERE id = $1', [id])) as { status: string }[];
      expect(row.status).toBe(response.status >= 200 && response.status < 300 ? after : before);
    }
  };

/** roles.md listTimesheets: OW, EM ✓; TM, PM person scope; RU self; PV ✗. */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 own',
  'Project viewer': '403 role',
  'non-member': '403 member',
  // The foreign member lists their own workspace: none of A's timesheets.
  'foreign member': '200 none',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md submitTimesheet, unsubmitTimesheet: OW, EM ✓; TM, PM, RU self; PV ✗. */
const SELF_SERVICE = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 own',
  'Project manager': '200 own',
  'Regular User': '200 own',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '403 scope',
  'OAuth token': '200 all',
} as const;

/** roles.md approveTimesheet, rejectTimesheet [documented]: OW, EM only. */
const DECIDE = {
  ...SELF_SERVICE,
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
} as const;

export const TIMESHEETS_ROWS: MatrixRow[] = [
  {
    operationId: 'listTimesheets',
    method: 'GET',
    path: '/timesheets',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listTimesheets (person scope); timesheets.md; auth.md: read',
    records: personTimesheets('pending'),
    listedIds: ({ data }) => (data as { id: string }[]).map((sheet) => sheet.id),
    expect: READ,
  },
  {
    operationId: 'submitTimesheet',
    method: 'PUT',
    path: '/timesheets/{timesheetId}/submit',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md submitTimesheet: OW, EM; TM, PM, RU self (others 404); conventions.md: another workspace’s id is 404; auth.md: write',
    records: ownTimesheets('pending'),
    expect: SELF_SERVICE,
    verify: verifyStatus('pending', 'submitted'),
  },
  {
    operationId: 'unsubmitTimesheet',
    method: 'PUT',
    path: '/timesheets/{timesheetId}/unsubmit',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md unsubmitTimesheet: as submit; auth.md: write',
    records: ownTimesheets('submitted'),
    expect: SELF_SERVICE,
    verify: verifyStatus('submitted', 'pending'),
  },
  {
    operationId: 'approveTimesheet',
    method: 'PUT',
    path: '/timesheets/{timesheetId}/approve',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md approveTimesheet: OW, EM [documented]; conventions.md: role 403 before 404; auth.md: write',
    records: personTimesheets('submitted'),
    expect: DECIDE,
    verify: verifyStatus('submitted', 'approved'),
  },
  {
    operationId: 'rejectTimesheet',
    method: 'PUT',
    path: '/timesheets/{timesheetId}/reject',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md rejectTimesheet: OW, EM [documented]; auth.md: write',
    records: personTimesheets('submitted'),
    body: () => ({ reason: 'Hours do not match project requirements' }),
    expect: DECIDE,
    verify: verifyStatus('submitted', 'rejected'),
  },
];
