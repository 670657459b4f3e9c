import { Role } from '@app/auth';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { TimeEntryMethod } from '../time-entry-methods';
import { Allowance, fitToAllowances, Span, subtractSpans, totalMs } from './intervals';
import { MemberWeek, weeksTouched } from './member-weeks';
import { timeLedgerError } from './time-ledger.exception';

/**
 * The one writer of recorded time. Tracking, time entries and time requests go through it, so the rules
 * live in one place: the member's time writes are serialised on their membership row, approved weeks never
 * change, overlapping time is skipped (or refused), weekly limits (member and contract) cut the rest, and the
 * week's timesheet exists as soon as time is recorded in it. Call it inside the caller's transaction, so the
 * entry, the timesheet and the caller's event commit together.
 */

export interface MemberTimeContext {
  timeZone: string;
  /** Hours; null means no member limit. */
  memberWeeklyLimit: number | null;
  /** The contract the lock read `contractWeeklyLimit` for. */
  contractId: number | null;
  /** Hours; null when there is no contract or it has no limit. */
  contractWeeklyLimit: number | null;
  /** The transaction's `now()`, read by the same statement (it is the same all through the transaction). */
  now: Date;
  /** The member as the lock read them (after any concurrent change to the row committed). */
  member: { firstname: string | null; lastname: string | null; email: string; canTrack: boolean };
}

interface LockRow {
  time_zone: string;
  member_limit: number | null;
  contract_limit: number | null;
  now: Date;
  firstname: string | null;
  lastname: string | null;
  email: string;
  can_track: boolean;
}

const HOUR_MS = 3_600_000;
const EXCLUSION_VIOLATION = '23P01';

export const isOverlapViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: unknown } | undefined)?.code === EXCLUSION_VIOLATION;

/**
 * Locks the member's row for the rest of the transaction (every time write of this member in this workspace
 * queues here) and reads, in the same statement, what the ledger and its callers need: zone, limits, `now()` and
 * the member (read after the lock, so a member archived meanwhile shows as such). Null when the user has no
 * membership row in the workspace. `canTrack`: a live, active membership that is not a Project viewer's.
 */
export async function lockMemberTime(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  contractId: number | null,
): Promise<MemberTimeContext | null> {
  const rows: LockRow[] = await manager.query(
    `SELECT COALESCE(u.timezone, 'UTC') AS time_zone, m.weekly_hours_limit AS member_limit, c.weekly_hours_limit AS contract_limit,
            now() AS now, u.firstname, u.lastname, u.email,
            (m.deleted_at IS NULL AND m.status = 'active' AND m.role <> '${Role.ProjectViewer}') AS can_track
       FROM workspace_members m
       JOIN users u ON u.id = m.user_id
       LEFT JOIN contracts c ON c.id = $3 AND c.workspace_id = m.workspace_id
      WHERE m.workspace_id = $1 AND m.user_id = $2
        FOR UPDATE OF m`,
    [workspaceId, userId, contractId],
  );
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    timeZone: row.time_zone,
    memberWeeklyLimit: row.member_limit,
    contractId,
    contractWeeklyLimit: row.contract_limit,
    now: row.now,
    member: { firstname: row.firstname, lastname: row.lastname, email: row.email, canTrack: row.can_track },
  };
}

/** 409 when any of `weeks` has an approved timesheet: approved periods never change. */
export async function assertWeeksOpen(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  weeks: readonly MemberWeek[],
): Promise<void> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM timesheets
      WHERE workspace_id = $1 AND user_id = $2 AND date_from = ANY($3::date[]) AND status = 'approved' AND deleted_at IS NULL
      LIMIT 1`,
    [workspaceId, userId, weeks.map((week) => week.dateFrom)],
  );
  if (rows.length > 0) throw timeLedgerError('PeriodApproved');
}

/** Creates the weeks' timesheets (status pending) where they do not exist yet. */
export async function ensureTimesheets(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  weeks: readonly MemberWeek[],
): Promise<void> {
  await manager.query(
    `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to)
     SELECT $1, $2, d.date_from, d.date_to FROM unnest($3::date[], $4::date[]) AS d(date_from, date_to)
     ON CONFLICT (workspace_id, user_id, date_from) WHERE deleted_at IS NULL DO NOTHING`,
    [workspaceId, userId, weeks.map((week) => week.dateFrom), weeks.map((week) => week.dateTo)],
  );
}

export interface AddTimeInput {
  workspaceId: number;
  userId: number;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  activityDescription: string | null;
  method: TimeEntryMethod;
  start: Date;
  end: Date;
  /**
   * Update this entry in place instead of inserting: it is left out of the overlap and limit checks, and the
   * new span must fit whole (409 otherwise), because an update does not save part of an entry.
   */
  replaceId?: string;
  /**
   * The caller already holds the member's lock in this transaction (its context, read for this contract) and has
   * refused approved weeks for this span itself: the ledger skips those two statements.
   */
  held?: MemberTimeContext;
}

export interface AddTimeResult {
  /** The saved entries' ids in time order (the replaced id on update); empty when nothing could be saved. */
  entryIds: string[];
  requestedMs: number;
  savedMs: number;
  /** Time skipped because it overlaps existing entries. */
  overlapMs: number;
  /** Time cut by a weekly hours limit. */
  limitMs: number;
  timeZone: string;
}

/**
 * Saves `[start, end)` for the member: the parts free of existing entries, then as much as the weekly limits
 * allow, as one entry per free part. Must run in a transaction; 404-style checks (member, contract, task)
 * are the caller's, done before.
 */
export async function addTime(manager: EntityManager, input: AddTimeInput): Promise<AddTimeResult> {
  const { workspaceId, userId } = input;
  const held = input.held !== undefined && input.held.contractId === input.contractId ? input.held : null;
  const context = held ?? (await lockMemberTime(manager, workspaceId, userId, input.contractId));
  if (!context) throw new Error(`addTime: user ${userId} is not a member of workspace ${workspaceId}`);
  const weeks = weeksTouched(input.start, input.end, context.timeZone);
  if (!held) await assertWeeksOpen(manager, workspaceId, userId, weeks);

  const span: Span = { start: input.start.getTime(), end: input.end.getTime() };
  const excludeId = input.replaceId ?? null;
  const busy = await busySpans(manager, workspaceId, userId, input.start, input.end, excludeId);
  const free = subtractSpans(span, busy);
  const allowances = await weeklyAllowances(manager, input, context, weeks, excludeId);
  const kept = fitToAllowances(free, allowances);

  const requestedMs = span.end - span.start;
  const freeMs = totalMs(free);
  const savedMs = totalMs(kept);
  const result = { requestedMs, savedMs, overlapMs: requestedMs - freeMs, limitMs: freeMs - savedMs, timeZone: context.timeZone };
  if (input.replaceId !== undefined) {
    if (result.overlapMs > 0) throw timeLedgerError('Overlap');
    if (result.limitMs > 0) throw timeLedgerError('WeeklyLimit');
  }
  if (kept.length === 0) return { ...result, entryIds: [] };

  const entryIds = await writeSpans(manager, input, kept);
  await ensureTimesheets(
    manager,
    workspaceId,
    userId,
    weeksTouched(new Date(kept[0].start), new Date(kept[kept.length - 1].end), context.timeZone),
  );
  return { ...result, entryIds };
}

async function busySpans(
  manager: EntityManager,
  workspaceId: number,
  userId: number,
  start: Date,
  end: Date,
  excludeId: string | null,
): Promise<Span[]> {
  const rows: { start_time: Date; end_time: Date | null }[] = await manager.query(
    `SELECT start_time, end_time FROM time_entries
      WHERE workspace_id = $1 AND user_id = $2 AND start_time < $4 AND (end_time IS NULL OR end_time > $3)
        AND id IS DISTINCT FROM $5::uuid`,
    [workspaceId, userId, start, end, excludeId],
  );
  return rows.map((row) => ({ start: row.start_time.getTime(), end: row.end_time ? row.end_time.getTime() : Number.POSITIVE_INFINITY }));
}

/** What each touched week can still take under the member's and the contract's weekly limits (start refuses a used-up week). */
export async function weeklyAllowances(
  manager: EntityManager,
  input: Pick<AddTimeInput, 'workspaceId' | 'userId' | 'contractId'>,
  context: MemberTimeContext,
  weeks: readonly MemberWeek[],
  excludeId: string | null,
): Promise<Allowance[]> {
  const { memberWeeklyLimit, contractWeeklyLimit } = context;
  const contractLimit = input.contractId === null ? null : contractWeeklyLimit;
  if (memberWeeklyLimit === null && contractLimit === null) {
    return weeks.map((week) => ({ start: week.start.getTime(), end: week.end.getTime(), allowanceMs: Number.POSITIVE_INFINITY }));
  }
  // One statement for every week: seconds recorded in each (a running tracker counts up to now).
  const rows: { all_ms: string; contract_ms: string }[] = await manager.query(
    `SELECT COALESCE(sum(extract(epoch FROM least(COALESCE(e.end_time, now()), w.e) - greatest(e.start_time, w.s)) * 1000), 0) AS all_ms,
            COALESCE(sum(extract(epoch FROM least(COALESCE(e.end_time, now()), w.e) - greatest(e.start_time, w.s)) * 1000)
                     FILTER (WHERE e.contract_id = $5), 0) AS contract_ms
       FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS w(s, e, i)
       LEFT JOIN time_entries e
         ON e.workspace_id = $1 AND e.user_id = $2 AND e.start_time < w.e AND COALESCE(e.end_time, now()) > w.s
        AND e.id IS DISTINCT FROM $6::uuid
      GROUP BY w.i ORDER BY w.i`,
    [input.workspaceId, input.userId, weeks.map((w) => w.start), weeks.map((w) => w.end), input.contractId, excludeId],
  );
  return weeks.map((week, index) => {
    const memberLeft = memberWeeklyLimit === null ? Number.POSITIVE_INFINITY : memberWeeklyLimit * HOUR_MS - Number(rows[index].all_ms);
    const contractLeft = contractLimit === null ? Number.POSITIVE_INFINITY : contractLimit * HOUR_MS - Number(rows[index].contract_ms);
    return { start: week.start.getTime(), end: week.end.getTime(), allowanceMs: Math.min(memberLeft, contractLeft) };
  });
}

async function writeSpans(manager: EntityManager, input: AddTimeInput, spans: readonly Span[]): Promise<string[]> {
  try {
    if (input.replaceId !== undefined) {
      await manager.query(
        `UPDATE time_entries SET contract_id = $2, project_id = $3, task_id = $4, activity_description = $5,
                start_time = $6, end_time = $7, updated_at = now()
          WHERE id = $1`,
        [
          input.replaceId,
          input.contractId,
          input.projectId,
          input.taskId,
          input.activityDescription,
          new Date(spans[0].start),
          new Date(spans[0].end),
        ],
      );
      return [input.replaceId];
    }
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO time_entries (workspace_id, user_id, contract_id, project_id, task_id, activity_description, method, start_time, end_time)
       SELECT $1, $2, $3, $4, $5, $6, $7, s.start_time, s.end_time
         FROM unnest($8::timestamptz[], $9::timestamptz[]) AS s(start_time, end_time)
       ORDER BY s.start_time
       RETURNING id`,
      [
        input.workspaceId,
        input.userId,
        input.contractId,
        input.projectId,
        input.taskId,
        input.activityDescription,
        input.method,
        spans.map((s) => new Date(s.start)),
        spans.map((s) => new Date(s.end)),
      ],
    );
    return rows.map((row) => row.id);
  } catch (error) {
    // The membership lock serialises writers, so this is a writer that skipped it: still never two overlapping rows.
    if (isOverlapViolation(error)) throw timeLedgerError('Overlap');
    throw error;
  }
}
