import { expect } from '@jest/globals';
import type { CallerKey, CellContext, MatrixRow, Outcome, RecordId, RequestParts, ScopedRecords } from '../matrix.types';

/**
 * roles.md "startTimeTracking, stopTimeTracking, getCurrentTrackerData": OW, EM for any member; TM, PM, RU for
 * themselves (time-tracking.md Decision); PV ✗. Every cell acts on the caller's own tracker (the foreign member's
 * in their own workspace B, which they may do); someone else's tracker is the e2e suite's 403 case.
 */
const SELF = (ok: Outcome): Record<CallerKey, Outcome> => ({
  Owner: ok,
  'Executive manager': ok,
  'Team manager': ok,
  'Project manager': ok,
  'Regular User': ok,
  'Project viewer': '403 role',
  'non-member': '403 member',
  'foreign member': ok,
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': ok,
  'OAuth token': ok,
});

const runningOf = async ({ dataSource, caller }: CellContext): Promise<unknown[]> =>
  dataSource.query('SELECT 1 FROM time_entries WHERE user_id = $1 AND end_time IS NULL', [caller.userId]);

/** The caller's running web tracker in the workspace they send, started ten minutes ago. */
async function ownRunningTracker(ctx: CellContext): Promise<ScopedRecords> {
  await ctx.f.timeEntries.create({
    workspaceId: ctx.caller.workspaceId,
    userId: ctx.caller.userId,
    start: new Date(Date.now() - 600_000),
    end: null,
    method: 'Web tracker',
  });
  return { inScope: [ctx.caller.userId], outOfScope: [] };
}

export const TIME_TRACKING_ROWS: MatrixRow[] = [
  {
    operationId: 'startTimeTracking',
    method: 'POST',
    path: '/time-tracking/start',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md startTimeTracking: OW, EM any member; TM, PM, RU self; PV ✗; auth.md: write',
    body: (ctx) => ({ user_id: ctx.caller.userId }),
    expect: { ...SELF('200'), 'read-only token': '403 scope' },
    verify: async (ctx, { response }) => expect(await runningOf(ctx)).toHaveLength(response?.status === 200 ? 1 : 0),
  },
  {
    operationId: 'stopTimeTracking',
    method: 'POST',
    path: '/time-tracking/stop',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md stopTimeTracking: OW, EM any member; TM, PM, RU self (user_id omitted = caller); PV ✗; auth.md: write',
    records: ownRunningTracker,
    body: () => ({}),
    expect: { ...SELF('200'), 'read-only token': '403 scope' },
    verify: async (ctx, { response }) => expect(await runningOf(ctx)).toHaveLength(response?.status === 200 ? 0 : 1),
  },
  {
    operationId: 'getCurrentTrackerData',
    method: 'GET',
    path: '/time-tracking/current-data',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md getCurrentTrackerData: OW, EM any member; TM, PM, RU self; PV ✗; auth.md: read',
    records: ownRunningTracker,
    request: async (_ctx: CellContext, userId: RecordId): Promise<RequestParts> => ({ query: `user_id=${userId}` }),
    expect: SELF('200 own'),
  },
];
