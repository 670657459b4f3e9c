import type { DataSource } from 'typeorm';

/** ISO weekdays by their short names (work_schedules.weekday: 1 Monday .. 7 Sunday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class ScheduleInputError extends Error {}

/** `mon-fri`, `mon,wed,fri`, `sat` or a mix (`mon-wed,fri`) as ISO weekday numbers. */
export function parseWeekdays(text: string): number[] {
  const days = new Set<number>();
  for (const part of text
    .toLowerCase()
    .split(',')
    .map((item) => item.trim())) {
    const [from, to = from] = part.split('-').map((item) => item.trim());
    const start = WEEKDAYS.indexOf(from as (typeof WEEKDAYS)[number]);
    const end = WEEKDAYS.indexOf(to as (typeof WEEKDAYS)[number]);
    if (start < 0 || end < 0 || end < start) throw new ScheduleInputError(`--days: "${part}" is not a weekday or a range like mon-fri`);
    for (let day = start; day <= end; day++) days.add(day + 1);
  }
  return [...days].sort((a, b) => a - b);
}

function minutesOf(time: string, option: string): number {
  const match = TIME.exec(time);
  if (!match) throw new ScheduleInputError(`--${option} must be a time HH:mm (00:00 to 23:59)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export interface ScheduleInput {
  workspaceId: number;
  userId: number;
  weekdays: number[];
  start: string;
  end: string;
  /** Default: end - start. */
  requiredMinutes?: number;
}

export interface ScheduleRow {
  weekday: number;
  start_time: string;
  end_time: string;
  required_minutes: number;
}

/** The member must belong to the workspace (any live membership); their schedule is theirs in that workspace only. */
async function assertMember(dataSource: DataSource, workspaceId: number, userId: number): Promise<void> {
  const rows: unknown[] = await dataSource.query(
    'SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 AND deleted_at IS NULL',
    [workspaceId, userId],
  );
  if (rows.length === 0) throw new ScheduleInputError('that user is not a member of the workspace');
}

/** Sets (replaces) the member's hours on the given weekdays; other weekdays keep theirs. */
export async function setSchedule(dataSource: DataSource, input: ScheduleInput): Promise<ScheduleRow[]> {
  const start = minutesOf(input.start, 'start');
  const end = minutesOf(input.end, 'end');
  if (end <= start) throw new ScheduleInputError('--end must be later than --start');
  const required = input.requiredMinutes ?? end - start;
  if (!Number.isInteger(required) || required < 0 || required > 1440) {
    throw new ScheduleInputError('--required-minutes must be a whole number from 0 to 1440');
  }
  await assertMember(dataSource, input.workspaceId, input.userId);
  await dataSource.query(
    `INSERT INTO work_schedules (workspace_id, user_id, weekday, start_time, end_time, required_minutes)
     SELECT $1, $2, d, $4::time, $5::time, $6 FROM unnest($3::smallint[]) AS d
     ON CONFLICT (workspace_id, user_id, weekday)
     DO UPDATE SET start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time, required_minutes = EXCLUDED.required_minutes,
                   updated_at = now()`,
    [input.workspaceId, input.userId, input.weekdays, input.start, input.end, required],
  );
  return listSchedule(dataSource, input.workspaceId, input.userId);
}

/** Removes the member's hours on the given weekdays (all of them when none are given). */
export async function clearSchedule(dataSource: DataSource, workspaceId: number, userId: number, weekdays?: number[]): Promise<number> {
  const [, removed] = (await dataSource.query(
    'DELETE FROM work_schedules WHERE workspace_id = $1 AND user_id = $2 AND ($3::smallint[] IS NULL OR weekday = ANY($3::smallint[]))',
    [workspaceId, userId, weekdays ?? null],
  )) as [unknown, number];
  return removed;
}

export function listSchedule(dataSource: DataSource, workspaceId: number, userId: number): Promise<ScheduleRow[]> {
  return dataSource.query(
    `SELECT weekday, to_char(start_time, 'HH24:MI') AS start_time, to_char(end_time, 'HH24:MI') AS end_time, required_minutes
       FROM work_schedules WHERE workspace_id = $1 AND user_id = $2 ORDER BY weekday`,
    [workspaceId, userId],
  );
}

export const formatSchedule = (rows: readonly ScheduleRow[]): string =>
  rows.map((row) => `${WEEKDAYS[row.weekday - 1]}\t${row.start_time}-${row.end_time}\trequired ${row.required_minutes} min`).join('\n') ||
  '(no schedule: present when any time is tracked, absent otherwise)';
