import { expect } from '@jest/globals';
import { Role } from '@app/auth';
import { TimeRequestsFactory } from '../../support/factories/time-requests.factory';
import type { CellContext, CellResponses, MatrixRow, RecordId, ScopedRecords } from '../matrix.types';
import { personScope } from '../person-scope';

/**
 * Time requests belong to people, so the records come from the person scope of roles.md (person-scope.ts):
 * one pending request for each member in and outside the caller's scope.
 */

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

async function requestScope(ctx: CellContext): Promise<ScopedRecords> {
  const people = await personScope(ctx);
  const requests = new TimeRequestsFactory(ctx.dataSource);
  const requestOf = async (userId: RecordId): Promise<string> =>
    (await requests.create({ workspaceId: ctx.workspace.id, user: Number(userId) })).id;
  const inScope: RecordId[] = [];
  for (const id of people.inScope) inScope.push(await requestOf(id));
  const outOfScope: RecordId[] = [];
  for (const id of people.outOfScope) outOfScope.push(await requestOf(id));
  return { inScope, outOfScope };
}

const statusOf = async ({ dataSource }: CellContext, id: RecordId): Promise<{ status: string; updated_by: number | null }> =>
  (
    (await dataSource.query('SELECT status, updated_by FROM time_requests WHERE id = $1', [id])) as {
      status: string;
      updated_by: number | null;
    }[]
  )[0];

/** Decisions move a request only when they succeed, and only to the action's state. */
const decided =
  (state: 'approved' | 'rejected') =>
  async (ctx: CellContext, responses: CellResponses): Promise<void> => {
    for (const id of responses.byRecord.keys()) {
      const row = await statusOf(ctx, id);
      if (succeeded(responses, id)) expect(row).toEqual({ status: state, updated_by: ctx.caller.userId });
      else expect(row).toEqual({ status: 'pending', updated_by: null });
    }
  };

/** createTimeRequest's member for OW and EM (anyone); every other caller asks for themselves. */
const createTargets = new WeakMap<CellContext, number>();
const MANAGERS: (Role | null)[] = [Role.Owner, Role.ExecutiveManager];

/** roles.md "listTimeRequests, getTimeRequest": OW, EM ✓; TM, PM person scope; RU self; PV ✗. */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 own',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md "approveTimeRequest, rejectTimeRequest": OW, EM ✓; everyone else ✗ (403, even on records in scope). */
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

export const TIME_REQUESTS_ROWS: MatrixRow[] = [
  {
    operationId: 'listTimeRequests',
    method: 'GET',
    path: '/time-requests',
    workspaceScoped: true,
    kind: 'list',
    query: 'date_from=2025-06-01&date_to=2025-06-30&per_page=100',
    basis: 'roles.md listTimeRequests; time-requests.md; auth.md: read',
    records: requestScope,
    listedIds: ({ data }) => (data as { id: string }[]).map((request) => request.id),
    // The foreign member lists their own workspace: none of A's requests.
    expect: { ...READ, 'foreign member': '200 none' },
  },
  {
    operationId: 'createTimeRequest',
    method: 'POST',
    path: '/time-requests',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md createTimeRequest: OW, EM for any member, TM, PM, RU self, PV ✗; auth.md: write',
    records: async (ctx) => {
      const { userId } = await ctx.f.members.create({ workspaceId: ctx.workspace.id, role: Role.RegularUser });
      createTargets.set(ctx, MANAGERS.includes(ctx.caller.liveRole) ? userId : ctx.caller.userId);
      return { inScope: [], outOfScope: [] };
    },
    body: (ctx) => ({ user_id: createTargets.get(ctx), start: '2025-06-03T09:00:00Z', end: '2025-06-03T10:00:00Z' }),
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
      const rows: unknown[] = await ctx.dataSource.query('SELECT id FROM time_requests WHERE user_id = $1', [createTargets.get(ctx)]);
      expect(rows).toHaveLength(response?.status === 201 ? 1 : 0);
    },
  },
  {
    operationId: 'getTimeRequest',
    method: 'GET',
    path: '/time-requests/{timeRequestId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md getTimeRequest (as the list; outside it 404); conventions.md: another workspace’s id is 404; auth.md: read',
    records: requestScope,
    expect: { ...READ, 'foreign member': '404' },
  },
  {
    operationId: 'approveTimeRequest',
    method: 'POST',
    path: '/time-requests/{timeRequestId}/approve',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md approveTimeRequest: OW, EM; conventions.md: role 403 before 404; auth.md: write',
    records: requestScope,
    body: () => ({}),
    expect: DECIDE,
    verify: decided('approved'),
  },
  {
    operationId: 'rejectTimeRequest',
    method: 'POST',
    path: '/time-requests/{timeRequestId}/reject',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md rejectTimeRequest: OW, EM; auth.md: write',
    records: requestScope,
    body: () => ({ comment: 'Rejected by the role matrix' }),
    expect: DECIDE,
    verify: decided('rejected'),
  },
];
