import { expect } from '@jest/globals';
import { Role } from '@app/auth';
import type { CallerKey, CellContext, CellResponses, MatrixRow, Outcome, RecordId, RequestParts, ScopedRecords } from '../matrix.types';

/** roles.md "time entries: all operations": OW, EM ✓, everyone else ✗ [documented]. */
const MANAGERS_ONLY = (ok: Outcome, readOnly: Outcome): Record<CallerKey, Outcome> => ({
  Owner: ok,
  'Executive manager': ok,
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'non-member': '403 member',
  // The member and the entry are workspace A's: unknown in workspace B.
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': readOnly,
  'OAuth token': ok,
});

const DATE = '2026-01-05';
const owners = new WeakMap<CellContext, number>();

/** One recorded hour of a Regular User of workspace A. */
async function oneEntry(ctx: CellContext): Promise<ScopedRecords> {
  const { userId } = await ctx.f.members.create({ workspaceId: ctx.workspace.id, role: Role.RegularUser });
  owners.set(ctx, userId);
  const id = await ctx.f.timeEntries.create({
    workspaceId: ctx.workspace.id,
    userId,
    start: `${DATE}T09:00:00Z`,
    end: `${DATE}T10:00:00Z`,
  });
  return { inScope: [], outOfScope: [id] };
}

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

const entryRow = async ({ dataSource }: CellContext, id: RecordId): Promise<{ activity_description: string | null } | undefined> =>
  (
    (await dataSource.query('SELECT activity_description FROM time_entries WHERE id = $1', [id])) as {
      activity_description: string | null;
    }[]
  )[0];

export const TIME_ENTRIES_ROWS: MatrixRow[] = [
  {
    operationId: 'listTimeEntries',
    method: 'GET',
    path: '/time-entries',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md time entries: OW, EM only; time-tracking.md: unknown user 404; auth.md: read',
    records: oneEntry,
    request: async (ctx: CellContext): Promise<RequestParts> => ({ query: `user_id=${owners.get(ctx)}&date=${DATE}` }),
    expect: MANAGERS_ONLY('200 all', '200 all'),
  },
  {
    operationId: 'createTimeEntry',
    method: 'POST',
    path: '/time-entries',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md time entries: OW, EM only; auth.md: write',
    records: async (ctx) => {
      owners.set(ctx, (await ctx.f.members.create({ workspaceId: ctx.workspace.id, role: Role.RegularUser })).userId);
      return { inScope: [], outOfScope: [] };
    },
    body: (ctx) => ({ user_id: owners.get(ctx), date: DATE, start_time: '09:00', end_time: '10:00' }),
    expect: MANAGERS_ONLY('201', '403 scope'),
    verify: async (ctx, { response }) => {
      const rows: unknown[] = await ctx.dataSource.query('SELECT 1 FROM time_entries WHERE user_id = $1', [owners.get(ctx)]);
      expect(rows).toHaveLength(response?.status === 201 ? 1 : 0);
    },
  },
  {
    operationId: 'updateTimeEntry',
    method: 'PUT',
    path: '/time-entries/{time_entry_id}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md time entries: OW, EM only; conventions.md: another workspace’s id is 404; auth.md: write',
    records: oneEntry,
    body: () => ({ notes: 'matrix' }),
    expect: MANAGERS_ONLY('200 all', '403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const row = await entryRow(ctx, id);
        expect(row?.activity_description ?? null).toBe(succeeded(responses, id) ? 'matrix' : null);
      }
    },
  },
  {
    operationId: 'deleteTimeEntry',
    method: 'DELETE',
    path: '/time-entries/{time_entry_id}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md time entries: OW, EM only; auth.md: write',
    records: oneEntry,
    expect: MANAGERS_ONLY('200 all', '403 scope'),
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys())
        expect(await entryRow(ctx, id)).toEqual(succeeded(responses, id) ? undefined : expect.anything());
    },
  },
];
