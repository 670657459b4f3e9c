import { expect } from '@jest/globals';
import { Role } from '@app/auth';
import { LeavesFactory } from '../../support/factories/leaves.factory';
import type { CellContext, CellResponses, MatrixRow, RecordId, ScopedRecords } from '../matrix.types';
import { personScope } from '../person-scope';

/**
 * Leave requests and balances belong to people, so their records come from the person scope of roles.md
 * (person-scope.ts); policies are seen through their assignments (leaves.md: RU, TM and PM see only the policies
 * assigned to them).
 */

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

/** One pending leave request for each member in and outside the caller's scope. */
async function requestScope(ctx: CellContext): Promise<ScopedRecords> {
  const people = await personScope(ctx);
  const leaves = new LeavesFactory(ctx.dataSource);
  const policy = await leaves.policy({ workspaceId: ctx.workspace.id });
  const requestOf = async (userId: RecordId): Promise<string> =>
    (await leaves.request({ workspaceId: ctx.workspace.id, user: Number(userId), policyId: policy.id })).id;
  const inScope: RecordId[] = [];
  for (const id of people.inScope) inScope.push(await requestOf(id));
  const outOfScope: RecordId[] = [];
  for (const id of people.outOfScope) outOfScope.push(await requestOf(id));
  return { inScope, outOfScope };
}

/** A policy assigned to the caller (in scope for everyone), one assigned to somebody else and one assigned to nobody. */
async function policyScope(ctx: CellContext): Promise<ScopedRecords> {
  const leaves = new LeavesFactory(ctx.dataSource);
  const workspaceId = ctx.workspace.id;
  const someone = await ctx.f.members.create({ workspaceId, role: Role.RegularUser });
  const mine = await leaves.policy({ workspaceId, assign: [ctx.caller.userId] });
  const theirs = await leaves.policy({ workspaceId, assign: [someone] });
  const nobodys = await leaves.policy({ workspaceId });
  const managers: (Role | null)[] = [Role.Owner, Role.ExecutiveManager];
  if (managers.includes(ctx.caller.liveRole)) return { inScope: [], outOfScope: [mine.id, theirs.id, nobodys.id] };
  return {
    inScope: ctx.caller.liveRole ? [mine.id] : [],
    outOfScope: ctx.caller.liveRole ? [theirs.id, nobodys.id] : [mine.id, theirs.id, nobodys.id],
  };
}

/** Decisions move a request only when they succeed, and only to the action's state. */
const decided =
  (state: 'approved' | 'rejected') =>
  async (ctx: CellContext, responses: CellResponses): Promise<void> => {
    const leaves = new LeavesFactory(ctx.dataSource);
    for (const id of responses.byRecord.keys()) {
      const row = await leaves.statusOf(String(id));
      const by = state === 'approved' ? row.approved_by : row.rejected_by;
      if (succeeded(responses, id)) expect({ status: row.status, by }).toEqual({ status: state, by: ctx.caller.userId });
      else
        expect({ status: row.status, approved_by: row.approved_by, rejected_by: row.rejected_by }).toEqual({
          status: 'pending',
          approved_by: null,
          rejected_by: null,
        });
    }
  };

/** createLeaveRequest's member and policy: OW and EM ask for anyone, every other caller for themselves. */
const createTargets = new WeakMap<CellContext, { userId: number; policyId: number }>();
const MANAGERS: (Role | null)[] = [Role.Owner, Role.ExecutiveManager];

/** roles.md "listLeaves, listLeaveBalances": OW, EM ✓; TM, PM person scope; RU self; PV ✗. */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 own',
  'Project viewer': '403 role',
  'non-member': '403 member',
  // The foreign member lists their own workspace: none of A's records.
  'foreign member': '200 none',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md "approveLeaveRequest, rejectLeaveRequest": OW, EM ✓; everyone else ✗ (403, even on records in scope). */
const DECIDE = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '403 scope',
  'OAuth token': '200 all',
} as const;

const decisionRows = (operationId: string, method: 'POST' | 'PUT', action: 'approve' | 'reject'): MatrixRow => ({
  operationId,
  method,
  path: `/leaves/{leaveId}/${action}`,
  workspaceScoped: true,
  kind: 'record',
  basis: `roles.md ${action}LeaveRequest: OW, EM; leaves.md: the server also accepts PUT; conventions.md: role 403 before 404; auth.md: write`,
  records: requestScope,
  body: () => (action === 'reject' ? { reason: 'Rejected by the role matrix' } : {}),
  expect: DECIDE,
  verify: decided(action === 'approve' ? 'approved' : 'rejected'),
});

export const LEAVES_ROWS: MatrixRow[] = [
  {
    operationId: 'listLeaves',
    method: 'GET',
    path: '/leaves',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listLeaves; leaves.md; auth.md: read',
    records: requestScope,
    listedIds: ({ data }) => (data as { id: string }[]).map((request) => request.id),
    expect: READ,
  },
  {
    operationId: 'createLeaveRequest',
    method: 'POST',
    path: '/leaves',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md createLeaveRequest: OW, EM for any member, TM, PM, RU self, PV ✗; auth.md: write',
    records: async (ctx) => {
      const userId = MANAGERS.includes(ctx.caller.liveRole)
        ? (await ctx.f.members.create({ workspaceId: ctx.workspace.id, role: Role.RegularUser })).userId
        : ctx.caller.userId;
      // In the workspace the caller names (the foreign member's own), assigned to the member the leave is for.
      const policy = await new LeavesFactory(ctx.dataSource).policy({ workspaceId: ctx.caller.workspaceId, assign: [userId] });
      createTargets.set(ctx, { userId, policyId: policy.id });
      return { inScope: [], outOfScope: [] };
    },
    body: (ctx) => ({
      user_id: createTargets.get(ctx)?.userId,
      policy_id: createTargets.get(ctx)?.policyId,
      start: '2026-02-10',
      end: '2026-02-10',
    }),
    // The foreign member (Owner of B) asks for themselves in B, which is theirs to do.
    expect: {
      ...DECIDE,
      Owner: '201',
      'Executive manager': '201',
      'Team manager': '201',
      'Project manager': '201',
      'Regular User': '201',
      'foreign member': '201',
      'OAuth token': '201',
    },
    verify: async (ctx, { response }) => {
      const rows: unknown[] = await ctx.dataSource.query('SELECT id FROM leave_requests WHERE user_id = $1', [
        createTargets.get(ctx)?.userId,
      ]);
      expect(rows).toHaveLength(response?.status === 201 ? 1 : 0);
    },
  },
  {
    operationId: 'listLeaveBalances',
    method: 'GET',
    path: '/leaves/balances',
    workspaceScoped: true,
    kind: 'list',
    query: 'date_from=2026-01-01&date_to=2026-12-31&per_page=100',
    basis: 'roles.md listLeaveBalances (as listLeaves): person scope; auth.md: read',
    records: personScope,
    listedIds: ({ data }) => (data as { user_id: number }[]).map((balance) => balance.user_id),
    expect: READ,
  },
  {
    operationId: 'listLeavePolicies',
    method: 'GET',
    path: '/leaves/policies',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listLeavePolicies: all but PV; leaves.md: RU, TM and PM see only the policies assigned to them; auth.md: read',
    records: policyScope,
    listedIds: ({ data }) => (data as { id: number }[]).map((policy) => policy.id),
    expect: { ...READ, 'Team manager': '200 own', 'Project manager': '200 own' },
  },
  decisionRows('approveLeaveRequest', 'POST', 'approve'),
  decisionRows('approveLeaveRequestPut', 'PUT', 'approve'),
  decisionRows('rejectLeaveRequest', 'POST', 'reject'),
  decisionRows('rejectLeaveRequestPut', 'PUT', 'reject'),
];
