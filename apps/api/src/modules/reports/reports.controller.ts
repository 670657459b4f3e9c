import { Controller, createParamDecorator, ExecutionContext, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { RawBody, Reply, Responds } from '@app/common';
import type { FastifyRequest } from 'fastify';
import { CSV_ALTERNATIVE, ReportFormat, reportFormat } from './report-format';
import {
  ActivityDescriptionsQueryDto,
  ActivityDescriptionsReportDto,
  ActivityLevelQueryDto,
  ActivityLevelReportDto,
  DailyAttendanceQueryDto,
  DailyAttendanceReportDto,
  DailyTimelineQueryDto,
  DailyTimelineReportDto,
  TaskReportQueryDto,
  TaskDailyItemDto,
  TaskReportDto,
  TrackedHoursDayDto,
  TrackedHoursQueryDto,
  TrackedHoursReportDto,
} from './reports.dto';
import { ReportsService } from './reports.service';

const WHO = 'Only workspace owners and executive managers can access this endpoint.';
const DAYS = "Day boundaries follow the workspace owner's timezone (UTC when unset); an entry across midnight counts on both days.";
const RUNNING = 'A running tracker counts up to now.';
const CSV = 'Extension: `Accept: text/csv` answers the report as CSV (JSON is the default).';
const MONEY = '`total_amount` and `currency` appear only when the caller may view rates.';

type Answer<T> = Promise<Reply<T> | RawBody>;

/** JSON or CSV, from the request's Accept header (report-format.ts). */
const Format = createParamDecorator((_data: unknown, context: ExecutionContext): ReportFormat =>
  reportFormat(context.switchToHttp().getRequest<FastifyRequest>().headers.accept),
);

@ApiTags('Reports')
// Referenced from additionalProperties (days keyed by date), which the generator does not follow on its own.
@ApiExtraModels(TrackedHoursDayDto, TaskDailyItemDto)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('tracked-hours')
  @Authenticated({ permission: Permission.ReportsView })
  @ApiOperation({
    summary: 'Tracked hours report',
    description:
      'Tracked minutes per day, grouped by user, project and contract (summed over every tracking method). Not paginated. ' +
      `When both \`user_id\` and \`users\` are given, a row must match both. The range is at most 31 days with \`user_id\`, 366 ` +
      `without. ${WHO} ${DAYS} ${RUNNING} ${MONEY} ${CSV}`,
  })
  @Responds(TrackedHoursReportDto, { alternatives: CSV_ALTERNATIVE })
  getTrackedHoursReport(
    @Auth() auth: AuthContext,
    @Query() query: TrackedHoursQueryDto,
    @Format() format: ReportFormat,
  ): Answer<TrackedHoursReportDto> {
    return this.reports.trackedHours(auth, query, format);
  }

  @Get('daily-timeline')
  @Authenticated({ permission: Permission.ReportsView })
  @ApiOperation({
    summary: 'Daily timeline report',
    description:
      "Every time entry for one date, grouped by user, with times (carrying the owner's timezone offset), project, task, " +
      'activity description, tracking method and activity level. Paginated over the users with entries that day. ' +
      `${WHO} ${DAYS} ${RUNNING} ${MONEY} ${CSV}`,
  })
  @Responds(DailyTimelineReportDto, { paginatedMeta: true, alternatives: CSV_ALTERNATIVE })
  getDailyTimelineReport(
    @Auth() auth: AuthContext,
    @Query() query: DailyTimelineQueryDto,
    @Format() format: ReportFormat,
  ): Answer<DailyTimelineReportDto> {
    return this.reports.dailyTimeline(auth, query, format);
  }

  @Get('task-report')
  @Authenticated({ permission: Permission.ReportsView })
  @ApiOperation({
    summary: 'Task report',
    description:
      'Time per task per user over a range (≤ 31 days), with a per-task breakdown and a daily breakdown. Paginated over users. ' +
      `A \`task_id\` filter selects tasks; time without a task follows \`include_no_task\` alone. ${WHO} ${DAYS} ${RUNNING} ${CSV}`,
  })
  @Responds(TaskReportDto, { paginatedMeta: true, alternatives: CSV_ALTERNATIVE })
  getTaskReport(@Auth() auth: AuthContext, @Query() query: TaskReportQueryDto, @Format() format: ReportFormat): Answer<TaskReportDto> {
    return this.reports.taskReport(auth, query, format);
  }

  @Get('activity-level')
  @Authenticated({ permission: Permission.ReportsView })
  @ApiOperation({
    summary: 'Activity level report',
    description:
      'Activity level per user per day over a range (≤ 31 days), plus overall statistics over every user and day in the range. ' +
      'Paginated over users. Averages are weighted by tracked time; time without activity samples (added manually or tracked ' +
      `through the API) counts in the minutes, not in the averages. ${WHO} ${DAYS} ${RUNNING} ${CSV}`,
  })
  @Responds(ActivityLevelReportDto, { paginatedMeta: true, alternatives: CSV_ALTERNATIVE })
  getActivityLevelReport(
    @Auth() auth: AuthContext,
    @Query() query: ActivityLevelQueryDto,
    @Format() format: ReportFormat,
  ): Answer<ActivityLevelReportDto> {
    return this.reports.activityLevel(auth, query, format);
  }

  @Get('daily-attendance')
  @Authenticated({ permission: Permission.ReportsView })
  @ApiOperation({
    summary: 'Daily attendance report',
    description:
      'Attendance for one date per user (active members other than Project viewers, and anyone who tracked time): statuses, ' +
      'times, breaks (gaps of at least a minute between entries) and productivity, against each member’s work schedule ' +
      '(kept outside the API: `npm run cli -- schedule:set`). Time amounts are integer minutes. A user matches the `status` ' +
      `filter if any selected status is present. "Holiday" is never given (no holiday calendar). ${WHO} ${DAYS} ${CSV}`,
  })
  @Responds(DailyAttendanceReportDto, { paginatedMeta: true, alternatives: CSV_ALTERNATIVE })
  getDailyAttendanceReport(
    @Auth() auth: AuthContext,
    @Query() query: DailyAttendanceQueryDto,
    @Format() format: ReportFormat,
  ): Answer<DailyAttendanceReportDto> {
    return this.reports.dailyAttendance(auth, query, format);
  }

  @Get('activity-descriptions')
  @Authenticated({ permission: Permission.ReportsView })
  @ApiOperation({
    summary: 'Activity descriptions report',
    description:
      'Time per activity description per user over a range (≤ 31 days); time without a description is grouped under `null`. ' +
      `Paginated over users. ${WHO} ${DAYS} ${RUNNING} ${CSV}`,
  })
  @Responds(ActivityDescriptionsReportDto, { paginatedMeta: true, alternatives: CSV_ALTERNATIVE })
  getActivityDescriptionsReport(
    @Auth() auth: AuthContext,
    @Query() query: ActivityDescriptionsQueryDto,
    @Format() format: ReportFormat,
  ): Answer<ActivityDescriptionsReportDto> {
    return this.reports.activityDescriptions(auth, query, format);
  }
}
