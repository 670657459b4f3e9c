import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext } from '@app/auth';
import {
  addDays,
  APP_CONFIG,
  dateInZone,
  daysBetween,
  ownerZoneSql,
  PageRequest,
  pageOffset,
  paginationMeta,
  RawBody,
  Reply,
  startOfIsoWeek,
} from '@app/common';
import { PreparedStatement } from '@app/database';
import pLimit, { type LimitFunction } from 'p-limit';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '../../app.module';
import { AttendanceRow, DAILY_ATTENDANCE_SQL } from './daily-attendance.sql';
import { ACTIVITY_DESCRIPTIONS_SQL, ACTIVITY_LEVEL_SQL, DAILY_TIMELINE_SQL, TASK_REPORT_SQL } from './per-user-reports.sql';
import { answer, ReportFormat } from './report-format';
import { reportStatement } from './report-statement';
import {
  ActivityDescriptionsQueryDto,
  ActivityDescriptionsReportDto,
  ActivityLevelQueryDto,
  ActivityLevelReportDto,
  AttendanceStatus,
  AttendanceStatusFilter,
  DailyAttendanceQueryDto,
  DailyAttendanceReportDto,
  DailyTimelineQueryDto,
  DailyTimelineReportDto,
  MAX_REPORT_DAYS,
  MAX_TRACKED_HOURS_DAYS,
  REPORT_PER_PAGE,
  TaskReportQueryDto,
  TaskReportDto,
  TrackedHoursQueryDto,
  TrackedHoursReportDto,
} from './reports.dto';
import {
  activityDescriptionsCsv,
  activityLevelCsv,
  dailyAttendanceCsv,
  dailyTimelineCsv,
  taskReportCsv,
  trackedHoursCsv,
} from './reports-csv';
import { reportValidationError } from './reports.exception';
import {
  ActivityDayRow,
  DescriptionItemRow,
  PerUserRow,
  ReportRange,
  TaskItemRow,
  TimelineItemRow,
  TimelineUserRow,
  toActivityDescriptionsReport,
  toActivityLevelReport,
  toDailyAttendanceReport,
  toDailyTimelineReport,
  toTaskReport,
  toTrackedHoursReport,
} from './reports.mapper';
import { TRACKED_HOURS_SQL, TrackedHoursRow } from './tracked-hours.sql';

type Answer<T> = Promise<Reply<T> | RawBody>;

const STATUS_LABELS: Record<AttendanceStatusFilter, AttendanceStatus> = {
  late: 'Late',
  left_early: 'Left early',
  tracked_less: 'Tracked less',
  absent: 'Absent',
  on_leave: 'On leave',
};

/** Decision: `users` and `user_ids` are one filter, so a request naming both asks for their union. */
function userFilter(query: { users?: number[]; user_ids?: number[] }): number[] | null {
  if (query.users === undefined && query.user_ids === undefined) return null;
  return [...new Set([...(query.users ?? []), ...(query.user_ids ?? [])])];
}

const pageOf = (query: { page?: number; per_page?: number }): PageRequest => ({
  page: query.page ?? 1,
  perPage: query.per_page ?? REPORT_PER_PAGE,
});

const pageParams = (page: PageRequest): Record<string, number> => ({ pageOffset: pageOffset(page), pageLimit: page.perPage });

/** The owner's zone, for the one default that needs it (tracked hours' current week). */
const OWNER_ZONE = PreparedStatement.sql<{ tz: string }>('reports.owner_zone', `SELECT ${ownerZoneSql('$1')} AS tz`, ['workspaceId']);

/**
 * The six reports (reports.md), each ONE constant statement run as a named prepared statement; OW and EM only
 * (the guard). Money (`total_amount`, `currency`) only when the caller may view rates.
 */
@Injectable()
export class ReportsService {
  private readonly trackedHoursStatement = reportStatement<TrackedHoursRow>('reports.tracked_hours', TRACKED_HOURS_SQL);
  private readonly timelineStatement = reportStatement<PerUserRow<TimelineUserRow, TimelineItemRow>>(
    'reports.daily_timeline',
    DAILY_TIMELINE_SQL,
  );
  private readonly taskStatement = reportStatement<PerUserRow<object, TaskItemRow>>('reports.task_report', TASK_REPORT_SQL);
  private readonly activityStatement = reportStatement<
    PerUserRow<{ activity_level: number | null }, ActivityDayRow> & { overall_minutes: number; overall_activity_level: number | null }
  >('reports.activity_level', ACTIVITY_LEVEL_SQL);
  private readonly attendanceStatement = reportStatement<AttendanceRow>('reports.daily_attendance', DAILY_ATTENDANCE_SQL);
  private readonly descriptionsStatement = reportStatement<PerUserRow<object, DescriptionItemRow>>(
    'reports.activity_descriptions',
    ACTIVITY_DESCRIPTIONS_SQL,
  );

  /**
   * A month of a large workspace is tens of thousands of rows and megabytes of body: at most REPORT_CONCURRENCY
   * reports are read, mapped and rendered at a time in this process (the rest wait, first come first served), so
   * concurrent heavy reports cannot exhaust the heap. Everything else keeps running beside them.
   */
  private readonly limit: LimitFunction;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: RuntimeConfig,
  ) {
    this.limit = pLimit(config.reportConcurrency);
  }

  trackedHours(auth: AuthContext, query: TrackedHoursQueryDto, format: ReportFormat): Answer<TrackedHoursReportDto> {
    return this.limit(async () => {
      const range = await this.trackedHoursRange(auth, query);
      // Job titles are free text here (Member.title) with no ids: a titles filter matches no one.
      const rows =
        query.titles !== undefined
          ? []
          : await this.trackedHoursStatement.run(this.dataSource.manager, {
              workspaceId: auth.workspaceId,
              startDate: range.start_date,
              endDate: range.end_date,
              userIds: this.trackedHoursUsers(query),
              projectIds: query.projects ?? null,
              teamIds: query.teams ?? null,
              currencies: auth.canViewRates ? (query.currencies ?? null) : null,
            });
      const report = toTrackedHoursReport(rows, range, auth.canViewRates);
      return answer(format, report, () => trackedHoursCsv(report, auth.canViewRates));
    });
  }

  dailyTimeline(auth: AuthContext, query: DailyTimelineQueryDto, format: ReportFormat): Answer<DailyTimelineReportDto> {
    const params = { workspaceId: auth.workspaceId, startDate: query.date, endDate: query.date, userIds: userFilter(query) };
    return this.perUserReport(
      this.timelineStatement,
      params,
      query,
      format,
      (row) => toDailyTimelineReport(row, query.date, auth.canViewRates),
      dailyTimelineCsv,
    );
  }

  taskReport(auth: AuthContext, query: TaskReportQueryDto, format: ReportFormat): Answer<TaskReportDto> {
    const params = {
      ...this.rangeParams(auth, query),
      projectIds: query.project_id ?? null,
      taskIds: query.task_id ?? null,
      includeNoTask: query.include_no_task ?? true,
    };
    return this.perUserReport(this.taskStatement, params, query, format, (row) => toTaskReport(row, rangeOf(query)), taskReportCsv);
  }

  activityLevel(auth: AuthContext, query: ActivityLevelQueryDto, format: ReportFormat): Answer<ActivityLevelReportDto> {
    const params = { ...this.rangeParams(auth, query), contractId: query.contract_id ?? null };
    return this.perUserReport(
      this.activityStatement,
      params,
      query,
      format,
      (row) => toActivityLevelReport(row, rangeOf(query)),
      activityLevelCsv,
    );
  }

  dailyAttendance(auth: AuthContext, query: DailyAttendanceQueryDto, format: ReportFormat): Answer<DailyAttendanceReportDto> {
    const params = {
      workspaceId: auth.workspaceId,
      startDate: query.date,
      endDate: query.date,
      userIds: userFilter(query),
      statuses: query.status?.map((status) => STATUS_LABELS[status]) ?? null,
    };
    return this.perUserReport(
      this.attendanceStatement,
      params,
      query,
      format,
      (row) => toDailyAttendanceReport(row, query.date),
      dailyAttendanceCsv,
    );
  }

  activityDescriptions(
    auth: AuthContext,
    query: ActivityDescriptionsQueryDto,
    format: ReportFormat,
  ): Answer<ActivityDescriptionsReportDto> {
    const params = { ...this.rangeParams(auth, query), projectIds: query.project_id ?? null };
    return this.perUserReport(
      this.descriptionsStatement,
      params,
      query,
      format,
      (row) => toActivityDescriptionsReport(row, rangeOf(query)),
      activityDescriptionsCsv,
    );
  }

  /** A report paged over users: its one statement for the page, the mapped report, and `meta.pagination` counting users. */
  private perUserReport<TRow extends { total: number }, TReport extends { users: readonly unknown[] }>(
    statement: PreparedStatement<TRow>,
    params: Record<string, unknown>,
    query: { page?: number; per_page?: number },
    format: ReportFormat,
    toReport: (row: TRow) => TReport,
    toCsv: (report: TReport) => RawBody,
  ): Answer<TReport> {
    return this.limit(async () => {
      const page = pageOf(query);
      const [row] = await statement.run(this.dataSource.manager, { ...params, ...pageParams(page) });
      const report = toReport(row);
      return answer(format, report, () => toCsv(report), paginationMeta(row.total, page, report.users.length));
    });
  }

  private rangeParams(
    auth: AuthContext,
    query: { start_date: string; end_date: string; users?: number[]; user_ids?: number[] },
  ): Record<string, unknown> {
    return { workspaceId: auth.workspaceId, startDate: query.start_date, endDate: query.end_date, userIds: userFilter(query) };
  }

  /** reports.md: `user_id` and `users` must both match, so the filter is their intersection. */
  private trackedHoursUsers(query: TrackedHoursQueryDto): number[] | null {
    const listed = userFilter(query);
    if (query.user_id === undefined) return listed;
    return listed === null || listed.includes(query.user_id) ? [query.user_id] : [];
  }

  /**
   * The documented defaults, Monday and Sunday of the current week on the owner's clock; the range rules are
   * checked here when a default took part (the DTO checks them when both dates are given).
   */
  private async trackedHoursRange(auth: AuthContext, query: TrackedHoursQueryDto): Promise<ReportRange> {
    if (query.start_date !== undefined && query.end_date !== undefined) return { start_date: query.start_date, end_date: query.end_date };
    const [{ tz }] = await OWNER_ZONE.run(this.dataSource.manager, { workspaceId: auth.workspaceId });
    const monday = startOfIsoWeek(dateInZone(new Date(), tz));
    const range = { start_date: query.start_date ?? monday, end_date: query.end_date ?? addDays(monday, 6) };
    if (range.end_date < range.start_date) throw reportValidationError('EndBeforeStart');
    const maxDays = query.user_id === undefined ? MAX_TRACKED_HOURS_DAYS : MAX_REPORT_DAYS;
    if (daysBetween(range.start_date, range.end_date) >= maxDays) {
      throw reportValidationError(query.user_id === undefined ? 'RangeTooLong' : 'UserRangeTooLong');
    }
    return range;
  }
}

const rangeOf = (query: { start_date: string; end_date: string }): ReportRange => ({
  start_date: query.start_date,
  end_date: query.end_date,
});
