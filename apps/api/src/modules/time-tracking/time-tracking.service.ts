import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, MANAGEMENT_ROLES } from '@app/auth';
import { formatUtcOffset, Reply } from '@app/common';
import { EventsService, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import {
  assertWeeksOpen,
  isOverlapViolation,
  lockMemberTime,
  MemberTimeContext,
  weeklyAllowances,
} from '../time-entries/ledger/time-ledger';
import { timeLedgerError } from '../time-entries/ledger/time-ledger.exception';
import { weeksTouched } from '../time-entries/ledger/member-weeks';
import { WEB_TRACKER } from '../time-entries/time-entry-methods';
import {
  requireActiveContract,
  requireMemberZone,
  requireTaskInProject,
  displayName,
  TimeContract,
} from '../time-entries/time-entry.lookups';
import { timeEntryError, timeEntryValidationError } from '../time-entries/time-entries.exception';
import {
  CurrentTrackerDataDto,
  CurrentTrackerQueryDto,
  StartTrackingDto,
  StopTrackingDto,
  TrackingStartedDto,
  TrackingStoppedDto,
} from './time-tracking.dto';
import { trackingError } from './time-tracking.exception';
import { stopTracker } from './stop-trackers';

const RUNNING_INDEX = 'time_entries_one_running_per_user_uq';

const isRunningViolation = (error: unknown): boolean => {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: unknown; constraint?: unknown } | undefined;
  return driver?.code === '23505' && driver.constraint === RUNNING_INDEX;
};

interface CurrentRow {
  contract_id: number | null;
  user_id: number;
  activity_description: string | null;
  task_id: number | null;
  task_title: string | null;
  running_seconds: number;
  recorded_seconds: number;
  date: string;
}

/**
 * The member's running web tracker with the time already recorded on its day (the member's zone), in one
 * statement: the day's bounds come from the tracker's start as the zone reads it.
 */
const CURRENT_TRACKER = PreparedStatement.sql<CurrentRow>(
  'time_tracking_current',
  `SELECT r.contract_id, r.user_id, r.activity_description, r.task_id, t.title AS task_title,
          floor(extract(epoch FROM now() - r.start_time))::int AS running_seconds,
          COALESCE((SELECT floor(sum(extract(epoch FROM least(e.end_time, d.day_end) - greatest(e.start_time, d.day_start))))::int
                      FROM time_entries e
                     WHERE e.workspace_id = r.workspace_id AND e.user_id = r.user_id AND e.end_time IS NOT NULL
                       AND e.start_time < d.day_end AND e.end_time > d.day_start), 0) AS recorded_seconds,
          d.day::text AS date
     FROM time_entries r
     JOIN users u ON u.id = r.user_id
     LEFT JOIN tasks t ON t.id = r.task_id
     CROSS JOIN LATERAL (SELECT (r.start_time AT TIME ZONE COALESCE(u.timezone, 'UTC'))::date AS day) l
     CROSS JOIN LATERAL (SELECT l.day,
                                l.day::timestamp AT TIME ZONE COALESCE(u.timezone, 'UTC') AS day_start,
                                (l.day + 1)::timestamp AT TIME ZONE COALESCE(u.timezone, 'UTC') AS day_end) d
    WHERE r.workspace_id = $1 AND r.user_id = $2 AND r.end_time IS NULL AND r.method = $3`,
  ['workspaceId', 'userId', 'method'],
);

/** `2024-01-15 10:30 UTC` */
const messageTime = (instant: Date): string => `${instant.toISOString().slice(0, 10)} ${instant.toISOString().slice(11, 16)} UTC`;

@Injectable()
export class TimeTrackingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  start(auth: AuthContext, dto: StartTrackingDto): Promise<Reply<TrackingStartedDto>> {
    const contractId = dto.contract_id ?? null;
    const taskId = dto.task_id ?? null;
    if (taskId !== null && contractId === null) throw timeEntryValidationError('TaskNeedsContract');
    const userId = this.targetUser(auth, dto.user_id);
    return this.dataSource.transaction(async (manager) => {
      // Contract and project share locks first, then the member's time lock: the order archives and pauses take them.
      const contract = contractId === null ? null : await requireActiveContract(manager, auth.workspaceId, userId, contractId);
      const taskTitle =
        taskId === null || !contract ? null : await requireTaskInProject(manager, auth.workspaceId, taskId, contract.projectId);
      // The lock's statement reads the member after the lock, so a member archived meanwhile (their trackers stopped) cannot start again.
      const context = await lockMemberTime(manager, auth.workspaceId, userId, contract?.id ?? null);
      if (!context?.member.canTrack) throw timeEntryError('UserNotFound');
      const member = {
        name: displayName(context.member.firstname, context.member.lastname, context.member.email),
        email: context.member.email,
      };
      const activity = dto.activity_description || null;
      const startTime = await this.insertRunning(manager, context, { workspaceId: auth.workspaceId, userId }, contract, taskId, activity);
      const data: TrackingStartedDto = {
        message: 'Time tracking started successfully',
        start_time: formatUtcOffset(startTime),
        user_id: userId,
        user_name: member.name,
        user_email: member.email,
        contract_id: contract?.id ?? null,
        project_id: contract?.projectId ?? null,
        project_name: contract?.projectName ?? null,
        task_id: taskTitle === null ? null : taskId,
        task_title: taskTitle,
        activity_description: activity,
      };
      await this.events.record(manager, { type: 'tracker.started', workspaceId: auth.workspaceId, payload: data });
      return new Reply(data, { message: startMessage(member.name, startTime, contract, taskTitle, activity) });
    });
  }

  stop(auth: AuthContext, dto: StopTrackingDto): Promise<TrackingStoppedDto> {
    const userId = this.targetUser(auth, dto.user_id ?? auth.userId);
    return this.dataSource.transaction(async (manager) => {
      const context = await lockMemberTime(manager, auth.workspaceId, userId, null);
      if (!context) throw timeEntryError('UserNotFound');
      const stopped = await stopTracker(manager, auth.workspaceId, userId, {}, context);
      if (!stopped) throw trackingError('NoActiveTracker');
      return { message: 'Time tracking stopped successfully', stopped_at: formatUtcOffset(stopped.stoppedAt) };
    });
  }

  async current(auth: AuthContext, query: CurrentTrackerQueryDto): Promise<CurrentTrackerDataDto> {
    const userId = this.targetUser(auth, query.user_id);
    const [row] = await CURRENT_TRACKER.run(this.dataSource.manager, { workspaceId: auth.workspaceId, userId, method: WEB_TRACKER });
    if (!row) {
      await requireMemberZone(this.dataSource.manager, auth.workspaceId, userId);
      throw trackingError('NoCurrentTracker');
    }
    const running = Math.max(0, row.running_seconds);
    return {
      contract_id: row.contract_id,
      user_id: row.user_id,
      activity_description: row.activity_description,
      task_id: row.task_id,
      task_title: row.task_title,
      total_seconds: running % 60,
      total_minutes: Math.floor(row.recorded_seconds / 60) + Math.floor(running / 60),
      date: row.date,
    };
  }

  /** time-tracking.md Decision: OW and EM act for any member, everyone else for themselves only. */
  private targetUser(auth: AuthContext, userId: number): number {
    if (userId !== auth.userId && !MANAGEMENT_ROLES.includes(auth.role)) throw trackingError('NotYourTracker');
    return userId;
  }

  /**
   * Under the member's time lock (the caller holds it): refuses a second tracker, an approved week and a used-up weekly limit, then
   * inserts the running row. The partial unique index still answers a start racing in another workspace (409).
   */
  private async insertRunning(
    manager: EntityManager,
    context: MemberTimeContext,
    { workspaceId, userId }: { workspaceId: number; userId: number },
    contract: TimeContract | null,
    taskId: number | null,
    activity: string | null,
  ): Promise<Date> {
    const [running] = (await manager.query('SELECT 1 FROM time_entries WHERE user_id = $1 AND end_time IS NULL', [userId])) as unknown[];
    if (running) throw trackingError('AlreadyTracking');
    const { now } = context;
    const week = weeksTouched(now, new Date(now.getTime() + 1), context.timeZone);
    await assertWeeksOpen(manager, workspaceId, userId, week);
    const [allowance] = await weeklyAllowances(manager, { workspaceId, userId, contractId: contract?.id ?? null }, context, week, null);
    if (allowance.allowanceMs <= 0) throw trackingError('WeekLimitReached');
    try {
      await manager.query(
        `INSERT INTO time_entries (workspace_id, user_id, contract_id, project_id, task_id, activity_description, method, start_time)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [workspaceId, userId, contract?.id ?? null, contract?.projectId ?? null, contract ? taskId : null, activity, WEB_TRACKER, now],
      );
    } catch (error) {
      if (isRunningViolation(error)) throw trackingError('AlreadyTracking');
      if (isOverlapViolation(error)) throw timeLedgerError('Overlap');
      throw error;
    }
    return now;
  }
}

/** time-tracking.md Decision: `John Smith started tracking time at 2024-01-15 10:30 UTC on Website Redesign / Task: activity`. */
function startMessage(name: string, start: Date, contract: TimeContract | null, taskTitle: string | null, activity: string | null): string {
  const head = `${name} started tracking time at ${messageTime(start)}`;
  if (!contract) return `${head} without a project`;
  const target = taskTitle ? `${contract.projectName} / ${taskTitle}` : contract.projectName;
  return `${head} on ${target}${activity ? `: ${activity}` : ''}`;
}
