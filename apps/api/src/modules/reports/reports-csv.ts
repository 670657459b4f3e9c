import { RawBody } from '@app/common';
import { csvFile, CsvCell } from './report-format';
import type {
  ActivityDescriptionsReportDto,
  ActivityLevelReportDto,
  DailyAttendanceReportDto,
  DailyTimelineReportDto,
  TaskReportDto,
  TrackedHoursReportDto,
} from './reports.dto';

/** The flat CSV layout of each report: the rows of its innermost level, each with its keys repeated. */

const span = (start: string, end: string): string => (start === end ? start : `${start}_${end}`);

/** One row per day, user, project and contract; money columns only with rate permission (one currency per item). */
export function trackedHoursCsv(report: TrackedHoursReportDto, canViewRates: boolean): RawBody {
  const columns = ['date', 'user_id', 'user_name', 'project_id', 'project_name', 'contract_id', 'total_minutes'];
  const rows: CsvCell[][] = [];
  for (const [day, { users }] of Object.entries(report.days)) {
    for (const item of users) {
      const base: CsvCell[] = [day, item.user_id, item.user_name, item.project_id, item.project_name, item.contract_id, item.total_minutes];
      const [money] = Object.entries(item.total_amount ?? {});
      rows.push(canViewRates ? [...base, money?.[1] ?? null, money?.[0] ?? null] : base);
    }
  }
  return csvFile(
    `tracked-hours-${span(report.start_date, report.end_date)}.csv`,
    canViewRates ? [...columns, 'total_amount', 'currency'] : columns,
    rows,
  );
}

/** One row per time entry (its part of the date). */
export function dailyTimelineCsv(report: DailyTimelineReportDto): RawBody {
  const columns = [
    'date',
    'user_id',
    'user_name',
    'start',
    'end',
    'duration_minutes',
    'project_id',
    'project_name',
    'task_id',
    'task_title',
    'activity_description',
    'tracking_method',
    'activity_level',
  ];
  const rows = report.users.flatMap((user) =>
    user.time_entries.map((entry): CsvCell[] => [
      report.date,
      user.user_id,
      user.user_name,
      entry.start,
      entry.end,
      entry.duration_minutes,
      entry.project_id,
      entry.project_name,
      entry.task_id,
      entry.task_title,
      entry.activity_description,
      entry.tracking_method,
      entry.activity_level,
    ]),
  );
  return csvFile(`daily-timeline-${report.date}.csv`, columns, rows);
}

/** One row per user, day and task (the daily breakdown). */
export function taskReportCsv(report: TaskReportDto): RawBody {
  const columns = ['date', 'user_id', 'user_name', 'task_id', 'task_title', 'project_id', 'project_name', 'total_minutes'];
  const rows = report.users.flatMap((user) => {
    const projectNames = new Map(user.tasks_breakdown.map((task) => [`${task.task_id}:${task.project_id}`, task.project_name]));
    return Object.entries(user.daily_breakdown).flatMap(([day, items]) =>
      items.map((item): CsvCell[] => [
        day,
        user.user_id,
        user.user_name,
        item.task_id,
        item.task_title,
        item.project_id,
        projectNames.get(`${item.task_id}:${item.project_id}`) ?? null,
        item.total_minutes,
      ]),
    );
  });
  return csvFile(`task-report-${span(report.start_date, report.end_date)}.csv`, columns, rows);
}

/** One row per user and day. */
export function activityLevelCsv(report: ActivityLevelReportDto): RawBody {
  const columns = ['date', 'user_id', 'user_name', 'activity_level', 'total_minutes'];
  const rows = report.users.flatMap((user) =>
    user.days.map((day): CsvCell[] => [day.date, user.user_id, user.user_name, day.activity_level, day.total_minutes]),
  );
  return csvFile(`activity-level-${span(report.start_date, report.end_date)}.csv`, columns, rows);
}

/** One row per user; the lists joined with `; `. */
export function dailyAttendanceCsv(report: DailyAttendanceReportDto): RawBody {
  const columns = [
    'date',
    'user_id',
    'user_name',
    'statuses',
    'first_start',
    'last_end',
    'tracked_minutes',
    'required_minutes',
    'break_minutes',
    'break_intervals',
    'activity_level',
  ];
  const rows = report.users.map((user): CsvCell[] => [
    report.date,
    user.user_id,
    user.user_name,
    user.statuses.join('; '),
    user.first_start,
    user.last_end,
    user.tracked_minutes,
    user.required_minutes,
    user.break_minutes,
    user.break_intervals.join('; '),
    user.activity_level,
  ]);
  return csvFile(`daily-attendance-${report.date}.csv`, columns, rows);
}

/** One row per user, description and project. */
export function activityDescriptionsCsv(report: ActivityDescriptionsReportDto): RawBody {
  const columns = ['user_id', 'user_name', 'activity_description', 'project_id', 'project_name', 'total_minutes'];
  const rows = report.users.flatMap((user) =>
    user.descriptions.map((item): CsvCell[] => [
      user.user_id,
      user.user_name,
      item.activity_description,
      item.project_id,
      item.project_name,
      item.total_minutes,
    ]),
  );
  return csvFile(`activity-descriptions-${span(report.start_date, report.end_date)}.csv`, columns, rows);
}
