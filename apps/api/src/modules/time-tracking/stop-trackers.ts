import { formatUtcOffset } from '@app/common';
import { EventsService } from '@app/database';
import type { EntityManager } from 'typeorm';
import { addTime, lockMemberTime, MemberTimeContext } from '../time-entries/ledger/time-ledger';
import { weeksTouched } from '../time-entries/ledger/member-weeks';
import { WEB_TRACKER } from '../time-entries/time-entry-methods';

interface RunningRow {
  id: string;
  workspace_id: number;
  user_id: number;
  contract_id: number | null;
  project_id: number | null;
  task_id: number | null;
  activity_description: string | null;
  start_time: Date;
}

export interface StoppedTracker {
  userId: number;
  stoppedAt: Date;
  entryIds: string[];
}

const events = new EventsService();

/**
 * Stops the member's running tracker in the workspace, if any: the running row becomes recorded time (method
 * `Web tracker`, start..now) through the ledger, so overlaps and weekly limits clip it like any other time, and
 * `tracker.stopped` is recorded in the caller's transaction; time in a week approved meanwhile is not saved.
 * Null when no tracker was running.
 */
export async function stopTracker(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  only: { projectId?: number; contractId?: number } = {},
  held?: MemberTimeContext,
): Promise<StoppedTracker | null> {
  // The membership lock first, as every time write takes it, so a concurrent start or stop queues here (a caller
  // that took it already in this transaction passes its context).
  const context = held ?? (await lockMemberTime(manager, workspaceId, userId, null));
  const [rows] = (await manager.query(
    `DELETE FROM time_entries
      WHERE workspace_id = $1 AND user_id = $2 AND end_time IS NULL
        AND ($3::int IS NULL OR project_id = $3) AND ($4::int IS NULL OR contract_id = $4)
     RETURNING id, workspace_id, user_id, contract_id, project_id, task_id, activity_description, start_time`,
    [workspaceId, userId, only.projectId ?? null, only.contractId ?? null],
  )) as [RunningRow[], number];
  const running = rows[0];
  if (!running || !context) return null;
  const stoppedAt = new Date(Math.max(context.now.getTime(), running.start_time.getTime()));
  const entryIds: string[] = [];
  for (const span of await openSpans(manager, workspaceId, userId, running.start_time, stoppedAt, context.timeZone)) {
    const saved = await addTime(manager, {
      workspaceId,
      userId,
      contractId: running.contract_id,
      projectId: running.project_id,
      taskId: running.task_id,
      activityDescription: running.activity_description,
      method: WEB_TRACKER,
      start: span.start,
      end: span.end,
      // Locked above, and openSpans left out the approved weeks: the ledger need not repeat either.
      held: context,
    });
    entryIds.push(...saved.entryIds);
  }
  await events.record(manager, {
    type: 'tracker.stopped',
    workspaceId,
    payload: {
      user_id: userId,
      contract_id: running.contract_id,
      project_id: running.project_id,
      task_id: running.task_id,
      activity_description: running.activity_description,
      start_time: formatUtcOffset(running.start_time),
      stopped_at: formatUtcOffset(stoppedAt),
      time_entry_ids: entryIds,
    },
  });
  return { userId, stoppedAt, entryIds };
}

/**
 * The parts of `[start, end)` outside weeks whose timesheet is approved: a week approved while the tracker ran
 * keeps its time unchanged, and stopping must still be possible.
 */
async function openSpans(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  start: Date,
  end: Date,
  timeZone: string,
): Promise<{ start: Date; end: Date }[]> {
  if (end.getTime() <= start.getTime()) return [];
  const weeks = weeksTouched(start, end, timeZone);
  const approved = new Set(
    (
      (await manager.query(
        `SELECT date_from::text AS date_from FROM timesheets
        WHERE workspace_id = $1 AND user_id = $2 AND date_from = ANY($3::date[]) AND status = 'approved' AND deleted_at IS NULL`,
        [workspaceId, userId, weeks.map((week) => week.dateFrom)],
      )) as { date_from: string }[]
    ).map((row) => row.date_from),
  );
  const spans: { start: Date; end: Date }[] = [];
  for (const week of weeks) {
    if (approved.has(week.dateFrom)) continue;
    const from = new Date(Math.max(start.getTime(), week.start.getTime()));
    const to = new Date(Math.min(end.getTime(), week.end.getTime()));
    const last = spans[spans.length - 1];
    if (last && last.end.getTime() === from.getTime()) last.end = to;
    else if (to.getTime() > from.getTime()) spans.push({ start: from, end: to });
  }
  return spans;
}

/** Which running trackers an archive stops: every one of the workspace that matches all given keys. */
export interface TrackerFilter {
  workspaceId: number;
  userId?: number;
  projectId?: number;
  contractId?: number;
}

/**
 * Archive hooks (archiveProject, pausing or deleting a contract, archiving a member): stops the running trackers
 * concerned, in the archive's transaction, as stopTimeTracking would.
 */
export async function stopTrackersWhere(manager: EntityManager, filter: TrackerFilter): Promise<void> {
  const users = (await manager.query(
    `SELECT user_id FROM time_entries
      WHERE workspace_id = $1 AND end_time IS NULL
        AND ($2::int IS NULL OR user_id = $2) AND ($3::int IS NULL OR project_id = $3) AND ($4::int IS NULL OR contract_id = $4)
      ORDER BY user_id`,
    [filter.workspaceId, filter.userId ?? null, filter.projectId ?? null, filter.contractId ?? null],
  )) as { user_id: number }[];
  // Matched again under the member's lock: the tracker may have been stopped, or restarted elsewhere, meanwhile.
  const only = { projectId: filter.projectId, contractId: filter.contractId };
  for (const { user_id } of users) await stopTracker(manager, filter.workspaceId, user_id, only);
}
