import { amountsByCurrency, compareDecimals, formatInZone, PricedItem, wallClockAt } from '@app/common';
import {
  ActivityDescriptionsReportDto,
  ActivityLevelReportDto,
  AttendanceStatus,
  AttendanceUserDto,
  DailyAttendanceReportDto,
  DailyTimelineReportDto,
  TaskReportDto,
  TimelineUserDto,
  TrackedHoursReportDto,
  TrackedHoursRowDto,
} from './reports.dto';
import type { AttendanceRow } from './daily-attendance.sql';
import type { TrackedHoursRow } from './tracked-hours.sql';

export interface ReportRange {
  start_date: string;
  end_date: string;
}

/** reports.md getTrackedHoursReport: rows nested by day; totals are the rows' sums; money only with rate permission. */
export function toTrackedHoursReport(rows: readonly TrackedHoursRow[], range: ReportRange, canViewRates: boolean): TrackedHoursReportDto {
  const days: TrackedHoursReportDto['days'] = {};
  for (const row of rows) {
    const item: TrackedHoursRowDto = {
      user_id: row.user_id,
      user_name: row.user_name,
      project_id: row.project_id,
      project_name: row.project_name,
      contract_id: row.contract_id,
      total_minutes: row.total_minutes,
      ...(canViewRates && { total_amount: amountsByCurrency([row]) }),
    };
    (days[row.day] ??= { users: [] }).users.push(item);
  }
  const totalMinutes = rows.reduce((sum, row) => sum + row.total_minutes, 0);
  return {
    report_type: 'tracked_hours',
    ...range,
    total: { total_minutes: totalMinutes, ...(canViewRates && { total_amount: amountsByCurrency(rows) }) },
    days,
  };
}

/** What every per-user report statement answers (per-user-reports.sql.ts). */
export interface PerUserRow<TUser, TItem> {
  total: number;
  tz: string;
  users: (TUser & { user_id: number; user_name: string })[];
  items: (TItem & { user_id: number })[];
}

function itemsByUser<TItem extends { user_id: number }>(items: readonly TItem[]): Map<number, TItem[]> {
  const byUser = new Map<number, TItem[]>();
  for (const item of items) {
    const list = byUser.get(item.user_id);
    if (list) list.push(item);
    else byUser.set(item.user_id, [item]);
  }
  return byUser;
}

const sumMinutes = (items: readonly { total_minutes: number }[]): number => items.reduce((sum, item) => sum + item.total_minutes, 0);

export interface TimelineUserRow {
  activity_level: number | null;
  amounts: PricedItem[];
}

export interface TimelineItemRow {
  start: string;
  end: string | null;
  duration_minutes: number;
  project_id: number | null;
  project_name: string | null;
  task_id: number | null;
  task_title: string | null;
  activity_description: string | null;
  tracking_method: string;
  activity_level: number | null;
}

/**
 * Decision: a timeline user has one `total_amount` and one `currency` (reports.md); when a member's billed time
 * of the day is in several currencies, the largest sum is given with its currency. Nothing billed: 0 USD.
 */
function timelineMoney(amounts: readonly PricedItem[]): { total_amount: number; currency: string } {
  const sums = Object.entries(amountsByCurrency(amounts)).map(([currency, amount]) => ({ currency, amount }));
  if (sums.length === 0) return { total_amount: 0, currency: 'USD' };
  const [largest] = sums.sort((a, b) => compareDecimals(String(b.amount), String(a.amount)) || a.currency.localeCompare(b.currency));
  return { total_amount: largest.amount, currency: largest.currency };
}

export function toDailyTimelineReport(
  row: PerUserRow<TimelineUserRow, TimelineItemRow>,
  date: string,
  canViewRates: boolean,
): DailyTimelineReportDto {
  const byUser = itemsByUser(row.items);
  const users = row.users.map((user): TimelineUserDto => {
    const entries = (byUser.get(user.user_id) ?? []).map(({ user_id: _user, ...entry }) => ({
      ...entry,
      start: formatInZone(new Date(entry.start), row.tz),
      end: entry.end === null ? null : formatInZone(new Date(entry.end), row.tz),
    }));
    return {
      user_id: user.user_id,
      user_name: user.user_name,
      total_minutes: entries.reduce((sum, entry) => sum + entry.duration_minutes, 0),
      activity_level: user.activity_level,
      ...(canViewRates && timelineMoney(user.amounts)),
      time_entries: entries,
    };
  });
  return { report_type: 'daily_timeline', date, users };
}

export interface TaskItemRow {
  day: string;
  task_id: number | null;
  task_title: string | null;
  project_id: number | null;
  project_name: string | null;
  total_minutes: number;
}

/** Per user: the daily items as the statement gives them, and per task (and project) their sums over the range. */
export function toTaskReport(row: PerUserRow<object, TaskItemRow>, range: ReportRange): TaskReportDto {
  const byUser = itemsByUser(row.items);
  const users = row.users.map((user) => {
    const items = byUser.get(user.user_id) ?? [];
    const tasks = new Map<string, TaskReportDto['users'][number]['tasks_breakdown'][number]>();
    const daily: TaskReportDto['users'][number]['daily_breakdown'] = {};
    for (const item of items) {
      const key = `${item.task_id}:${item.project_id}`;
      const task = tasks.get(key);
      if (task) task.total_minutes += item.total_minutes;
      else
        tasks.set(key, {
          task_id: item.task_id,
          task_title: item.task_title,
          project_id: item.project_id,
          project_name: item.project_name,
          total_minutes: item.total_minutes,
        });
      (daily[item.day] ??= []).push({
        task_id: item.task_id,
        task_title: item.task_title,
        project_id: item.project_id,
        total_minutes: item.total_minutes,
      });
    }
    const breakdown = [...tasks.values()].sort(
      (a, b) =>
        b.total_minutes - a.total_minutes || (a.task_id ?? Infinity) - (b.task_id ?? Infinity) || (a.project_id ?? 0) - (b.project_id ?? 0),
    );
    return {
      user_id: user.user_id,
      user_name: user.user_name,
      total_minutes: sumMinutes(items),
      tasks_breakdown: breakdown,
      daily_breakdown: daily,
    };
  });
  return { report_type: 'task_report', ...range, users };
}

export interface ActivityDayRow {
  date: string;
  activity_level: number | null;
  total_minutes: number;
}

export function toActivityLevelReport(
  row: PerUserRow<{ activity_level: number | null }, ActivityDayRow> & { overall_minutes: number; overall_activity_level: number | null },
  range: ReportRange,
): ActivityLevelReportDto {
  const byUser = itemsByUser(row.items);
  const users = row.users.map((user) => {
    const days = (byUser.get(user.user_id) ?? []).map(({ user_id: _user, ...day }) => day);
    return {
      user_id: user.user_id,
      user_name: user.user_name,
      average_activity_level: user.activity_level,
      total_minutes: sumMinutes(days),
      days,
    };
  });
  return {
    report_type: 'activity_level',
    ...range,
    overall: { average_activity_level: row.overall_activity_level, total_minutes: row.overall_minutes },
    users,
  };
}

export interface DescriptionItemRow {
  activity_description: string | null;
  project_id: number | null;
  project_name: string | null;
  total_minutes: number;
}

export function toActivityDescriptionsReport(
  row: PerUserRow<object, DescriptionItemRow>,
  range: ReportRange,
): ActivityDescriptionsReportDto {
  const byUser = itemsByUser(row.items);
  const users = row.users.map((user) => {
    const descriptions = (byUser.get(user.user_id) ?? []).map(({ user_id: _user, ...item }) => item);
    return { user_id: user.user_id, user_name: user.user_name, total_minutes: sumMinutes(descriptions), descriptions };
  });
  return { report_type: 'activity_descriptions', ...range, users };
}

/** `HH:mm` of an instant on the owner's clock. */
export function clockTime(instant: Date, timeZone: string): string {
  const { hour, minute } = wallClockAt(instant.getTime(), timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The attendance user: times on the owner's clock; the last end of time running past midnight is `23:59`
 * (`HH:mm` has no 24:00); each break counts its whole minutes.
 */
export function toDailyAttendanceReport(row: AttendanceRow, date: string): DailyAttendanceReportDto {
  const users = row.users.map((user): AttendanceUserDto => {
    const breaks = user.breaks.map((gap) => ({ start: new Date(gap.start), end: new Date(gap.end) }));
    const lastEnd = user.last_end === null ? null : new Date(user.last_end);
    return {
      user_id: user.user_id,
      user_name: user.user_name,
      statuses: user.statuses as AttendanceStatus[],
      first_start: user.first_start === null ? null : clockTime(new Date(user.first_start), row.tz),
      last_end: lastEnd === null ? null : lastEnd.getTime() >= new Date(user.day_end).getTime() ? '23:59' : clockTime(lastEnd, row.tz),
      tracked_minutes: user.tracked_minutes,
      required_minutes: user.required_minutes,
      break_minutes: breaks.reduce((sum, gap) => sum + Math.floor((gap.end.getTime() - gap.start.getTime()) / 60_000), 0),
      break_intervals: breaks.map((gap) => `${clockTime(gap.start, row.tz)} - ${clockTime(gap.end, row.tz)}`),
      activity_level: user.activity_level,
    };
  });
  return { report_type: 'daily_attendance', date, users };
}
