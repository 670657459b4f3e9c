import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext } from '@app/auth';
import {
  addDays,
  dateInZone,
  dayRange,
  daysBetween,
  formatInZone,
  Paginated,
  paginationMeta,
  Reply,
  wallClockToInstant,
} from '@app/common';
import { EventsService, EventType, PreparedStatement } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { addTime, AddTimeResult, assertWeeksOpen, lockMemberTime } from './ledger/time-ledger';
import { timeLedgerError } from './ledger/time-ledger.exception';
import { weeksTouched } from './ledger/member-weeks';
import { MANUALLY_ADDED } from './time-entry-methods';
import {
  CreateTimeEntryDto,
  ListTimeEntriesQueryDto,
  TIME_ENTRIES_PER_PAGE,
  TimeEntryResponseDto,
  UpdateTimeEntryDto,
} from './time-entries.dto';
import { timeEntryError, timeEntryValidationError } from './time-entries.exception';
import { formatDuration, TIME_ENTRY_COLUMNS, TIME_ENTRY_JOINS, TimeEntryRow, toTimeEntryResponse } from './time-entries.mapper';
import {
  requireActiveContract,
  requireContractOnProject,
  requireMemberZone,
  requireTaskInProject,
  requireTimeMember,
} from './time-entry.lookups';

/** One member's entries starting on one day, with the total in the same statement (a window count). */
const LIST_PAGE = PreparedStatement.sql<TimeEntryRow & { total: number }>(
  'time_entries_list_page',
  `SELECT ${TIME_ENTRY_COLUMNS}, count(*) OVER () AS total
     FROM time_entries e ${TIME_ENTRY_JOINS}
    WHERE e.workspace_id = $1 AND e.user_id = $2 AND e.start_time >= $3 AND e.start_time < $4
      AND ($5::int IS NULL OR e.project_id = $5) AND ($6::int IS NULL OR e.task_id = $6)
    ORDER BY e.start_time, e.id
    LIMIT $7 OFFSET $8`,
  ['workspaceId', 'userId', 'from', 'to', 'projectId', 'taskId', 'limit', 'offset'],
);

/** Only for a page past the end, where the window count has no row to ride on. */
const LIST_COUNT = PreparedStatement.sql<{ total: number }>(
  'time_entries_list_count',
  `SELECT count(*)::int AS total FROM time_entries e
    WHERE e.workspace_id = $1 AND e.user_id = $2 AND e.start_time >= $3 AND e.start_time < $4
      AND ($5::int IS NULL OR e.project_id = $5) AND ($6::int IS NULL OR e.task_id = $6)`,
  ['workspaceId', 'userId', 'from', 'to', 'projectId', 'taskId'],
);

const READ_ENTRIES = `SELECT ${TIME_ENTRY_COLUMNS} FROM time_entries e ${TIME_ENTRY_JOINS} WHERE e.id = ANY($1::uuid[]) ORDER BY e.start_time`;

interface EntryState {
  id: string;
  user_id: number;
  contract_id: number | null;
  project_id: number | null;
  task_id: number | null;
  activity_description: string | null;
  method: string;
  start_time: Date;
  end_time: Date | null;
}

const MINUTE_MS = 60_000;
const minutes = (ms: number): number => Math.floor(ms / MINUTE_MS);
/** `HH:mm:ss` and `YYYY-MM-DD` of an instant in the zone. */
const clockIn = (instant: Date, timeZone: string): string => formatInZone(instant, timeZone).slice(11, 19);

@Injectable()
export class TimeEntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async list(auth: AuthContext, query: ListTimeEntriesQueryDto): Promise<Paginated<TimeEntryResponseDto>> {
    const manager = this.dataSource.manager;
    const timeZone = await requireMemberZone(manager, auth.workspaceId, query.user_id);
    const range = dayRange(query.date, timeZone);
    const page = { page: query.page ?? 1, perPage: query.per_page ?? TIME_ENTRIES_PER_PAGE };
    const params = {
      workspaceId: auth.workspaceId,
      userId: query.user_id,
      from: range.start,
      to: range.end,
      projectId: query.project_id ?? null,
      taskId: query.task_id ?? null,
    };
    const rows = await LIST_PAGE.run(manager, { ...params, limit: page.perPage, offset: (page.page - 1) * page.perPage });
    const total = rows.length > 0 ? rows[0].total : page.page === 1 ? 0 : ((await LIST_COUNT.run(manager, params))[0]?.total ?? 0);
    return new Paginated(rows.map(toTimeEntryResponse), paginationMeta(total, page, rows.length));
  }

  create(auth: AuthContext, dto: CreateTimeEntryDto): Promise<Reply<TimeEntryResponseDto, { saved_minutes: number }>> {
    const contractId = dto.contract_id ?? null;
    const taskId = dto.task_id ?? null;
    if (taskId !== null && contractId === null) throw timeEntryValidationError('TaskNeedsContract');
    if (dto.end_time <= dto.start_time) throw timeEntryValidationError('EndBeforeStart');
    return this.dataSource.transaction(async (manager) => {
      const member = await requireTimeMember(manager, auth.workspaceId, dto.user_id);
      const contract = contractId === null ? null : await requireActiveContract(manager, auth.workspaceId, dto.user_id, contractId);
      if (contract && taskId !== null) await requireTaskInProject(manager, auth.workspaceId, taskId, contract.projectId);
      const start = wallClockToInstant(dto.date, dto.start_time, member.timeZone);
      const end = wallClockToInstant(dto.date, dto.end_time, member.timeZone);
      // A wall-clock span inside a spring-forward gap can collapse to nothing.
      if (end.getTime() <= start.getTime()) throw timeEntryValidationError('EndBeforeStart');
      const saved = await addTime(manager, {
        workspaceId: auth.workspaceId,
        userId: dto.user_id,
        contractId: contract?.id ?? null,
        projectId: contract?.projectId ?? null,
        taskId: contract ? taskId : null,
        activityDescription: dto.notes || null,
        method: MANUALLY_ADDED,
        start,
        end,
      });
      if (saved.entryIds.length === 0) throw timeLedgerError(saved.overlapMs > 0 ? 'Overlap' : 'WeeklyLimit');
      const rows = (await manager.query(READ_ENTRIES, [saved.entryIds])) as TimeEntryRow[];
      const entries = rows.map(toTimeEntryResponse);
      for (const entry of entries) await this.record(manager, auth, 'time_entry.created', entry);
      const savedMinutes = minutes(saved.savedMs);
      return new Reply(entries[0], {
        message: createdMessage(savedMinutes, member.name, saved),
        topLevel: { saved_minutes: savedMinutes },
      });
    });
  }

  update(auth: AuthContext, entryId: string, dto: UpdateTimeEntryDto): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      const { entry, timeZone } = await this.lockEntry(manager, auth, entryId);
      const target = await this.resolveProject(manager, auth, entry, dto);
      const { start, end } = newSpan(entry, dto, timeZone);
      if (end.getTime() <= start.getTime()) throw timeEntryValidationError('EndBeforeStart');
      await addTime(manager, {
        workspaceId: auth.workspaceId,
        userId: entry.user_id,
        ...target,
        activityDescription: dto.notes === undefined ? entry.activity_description : dto.notes || null,
        method: entry.method as typeof MANUALLY_ADDED,
        start,
        end,
        replaceId: entry.id,
      });
      const [row] = (await manager.query(READ_ENTRIES, [[entry.id]])) as TimeEntryRow[];
      await this.record(manager, auth, 'time_entry.updated', toTimeEntryResponse(row));
      return null;
    });
  }

  delete(auth: AuthContext, entryId: string): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      const { entry } = await this.lockEntry(manager, auth, entryId);
      const [row] = (await manager.query(READ_ENTRIES, [[entry.id]])) as TimeEntryRow[];
      await manager.query('DELETE FROM time_entries WHERE id = $1', [entry.id]);
      await this.record(manager, auth, 'time_entry.deleted', toTimeEntryResponse(row));
      return null;
    });
  }

  /**
   * The entry of this workspace, under its member's time lock (every time write of the member queues there), so
   * it cannot change before this transaction ends. A running entry and an approved week cannot change (409).
   */
  private async lockEntry(manager: EntityManager, auth: AuthContext, entryId: string): Promise<{ entry: EntryState; timeZone: string }> {
    const [owner] = (await manager.query('SELECT user_id FROM time_entries WHERE id = $1 AND workspace_id = $2', [
      entryId,
      auth.workspaceId,
    ])) as { user_id: number }[];
    if (!owner) throw timeEntryError('NotFound');
    const context = await lockMemberTime(manager, auth.workspaceId, owner.user_id, null);
    const [entry] = (await manager.query(
      `SELECT id, user_id, contract_id, project_id, task_id, activity_description, method, start_time, end_time
         FROM time_entries WHERE id = $1 AND workspace_id = $2`,
      [entryId, auth.workspaceId],
    )) as EntryState[];
    if (!entry || !context) throw timeEntryError('NotFound');
    if (entry.end_time === null) throw timeEntryError('Running');
    await assertWeeksOpen(manager, auth.workspaceId, entry.user_id, weeksTouched(entry.start_time, entry.end_time, context.timeZone));
    return { entry, timeZone: context.timeZone };
  }

  /** updateTimeEntry's `project_id` is the member's contract on that project; `null` leaves the entry without one. */
  private async resolveProject(
    manager: EntityManager,
    auth: AuthContext,
    entry: EntryState,
    dto: UpdateTimeEntryDto,
  ): Promise<{ contractId: number | null; projectId: number | null; taskId: number | null }> {
    let contractId = entry.contract_id;
    let projectId = entry.project_id;
    if (dto.project_id === null) {
      contractId = null;
      projectId = null;
    } else if (dto.project_id !== undefined && dto.project_id !== entry.project_id) {
      const contract = await requireContractOnProject(manager, auth.workspaceId, entry.user_id, dto.project_id);
      contractId = contract.id;
      projectId = contract.projectId;
    }
    // A task stays only while its project does; a new one must be in the resulting project.
    let taskId = projectId === entry.project_id ? entry.task_id : null;
    if (dto.task_id === null) taskId = null;
    else if (dto.task_id !== undefined) {
      if (projectId === null || contractId === null) throw timeEntryValidationError('TaskNeedsProject');
      await requireTaskInProject(manager, auth.workspaceId, dto.task_id, projectId);
      taskId = dto.task_id;
    }
    return { contractId, projectId, taskId };
  }

  private record(manager: EntityManager, auth: AuthContext, type: EventType, entry: TimeEntryResponseDto): Promise<number> {
    return this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: entry });
  }
}

/**
 * The entry's new span: given clocks are read on the (new or current) date in the member's zone; a clock not
 * given keeps its reading, moved to the new date when only the date changes (an entry across midnight keeps
 * its end on the following day).
 */
function newSpan(entry: EntryState, dto: UpdateTimeEntryDto, timeZone: string): { start: Date; end: Date } {
  const end = entry.end_time as Date;
  const currentDate = dateInZone(entry.start_time, timeZone);
  const date = dto.date ?? currentDate;
  const shift = daysBetween(currentDate, date);
  const start =
    dto.start_time !== undefined
      ? wallClockToInstant(date, dto.start_time, timeZone)
      : shift === 0
        ? entry.start_time
        : wallClockToInstant(date, clockIn(entry.start_time, timeZone), timeZone);
  const newEnd =
    dto.end_time !== undefined
      ? wallClockToInstant(date, dto.end_time, timeZone)
      : shift === 0
        ? end
        : wallClockToInstant(addDays(dateInZone(end, timeZone), shift), clockIn(end, timeZone), timeZone);
  return { start, end: newEnd };
}

/** `8 hr successfully added for John Doe.`, plus what was not added and why. */
function createdMessage(savedMinutes: number, name: string, saved: AddTimeResult): string {
  let message = `${formatDuration(savedMinutes)} successfully added for ${name}.`;
  const overlap = minutes(saved.overlapMs);
  const limit = minutes(saved.limitMs);
  if (overlap > 0) message += ` ${formatDuration(overlap)} not added: overlaps existing time.`;
  if (limit > 0) message += ` ${formatDuration(limit)} not added: weekly hours limit reached.`;
  return message;
}
