import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, MANAGEMENT_ROLES, personScope, placeholderSubject, Role } from '@app/auth';
import { applyTransition, ownerZoneSql, Paginated, pageRequest } from '@app/common';
import { EventsService, EventType, PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { addTime, assertWeeksOpen, lockMemberTime } from '../time-entries/ledger/time-ledger';
import { weeksTouched } from '../time-entries/ledger/member-weeks';
import { MANUALLY_ADDED } from '../time-entries/time-entry-methods';
import { parseOffsetDateTime } from './offset-date-time';
import { TIME_REQUEST_MACHINE, TimeRequestAction } from './time-request-machine';
import { CreateTimeRequestDto, ListTimeRequestsQueryDto, RejectTimeRequestDto, TimeRequestResponseDto } from './time-requests.dto';
import { timeRequestError, timeRequestValidationError } from './time-requests.exception';
import { TIME_REQUEST_COLUMNS, TimeRequestRow, toTimeRequestResponse } from './time-requests.mapper';

/**
 * Decision: list dates are days of the workspace owner's zone (as report days, conventions.md), UTC when unset.
 * An uncorrelated subquery, so PostgreSQL evaluates it once and still scans the `start` indexes by range.
 */
const OWNER_ZONE = ownerZoneSql(':workspaceId');

interface ListFilters {
  status: boolean;
  user: boolean;
  project: boolean;
  id: boolean;
}

interface RequestedTime {
  userId: number;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  start: Date;
  end: Date;
  description: string | null;
}

const roleKey = (role: Role): string => role.replace(/\W+/g, '_');
const isManager = (auth: AuthContext): boolean => MANAGEMENT_ROLES.includes(auth.role);

@Injectable()
export class TimeRequestsService {
  private readonly readStatements = new Map<Role, PreparedStatement<TimeRequestRow>>();
  private readonly listStatements = new Map<string, PreparedList<TimeRequestRow>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  list(auth: AuthContext, query: ListTimeRequestsQueryDto): Promise<Paginated<TimeRequestResponseDto>> {
    const filters = {
      status: query.status !== undefined,
      user: query.user_id !== undefined,
      project: query.project_id !== undefined,
      id: query.id !== undefined,
    };
    const params = {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      dateFrom: query.date_from,
      dateTo: query.date_to,
      filterStatus: query.status,
      filterUserId: query.user_id,
      filterProjectId: query.project_id,
      filterId: query.id,
    };
    return this.listStatement(auth.role, filters).run(this.dataSource.manager, params, pageRequest(query), toTimeRequestResponse);
  }

  async get(auth: AuthContext, timeRequestId: string): Promise<TimeRequestResponseDto> {
    return toTimeRequestResponse(await this.readRow(this.dataSource.manager, auth, timeRequestId));
  }

  /**
   * OW and EM create for any member, others for themselves. Approved on creation when the caller is OW/EM or the
   * workspace auto-approves: the time is then added in the same transaction (overlapping parts skipped).
   */
  create(auth: AuthContext, dto: CreateTimeRequestDto): Promise<TimeRequestResponseDto> {
    if (!isManager(auth) && dto.user_id !== auth.userId) throw timeRequestError('ForSomeoneElse');
    const requested: RequestedTime = {
      userId: dto.user_id,
      contractId: dto.contract_id ?? null,
      projectId: null,
      taskId: dto.task_id ?? null,
      start: parseOffsetDateTime(dto.start) as Date,
      end: parseOffsetDateTime(dto.end) as Date,
      description: (dto.activity_description !== undefined ? dto.activity_description : dto.notes) || null,
    };
    return this.dataSource.transaction(async (manager) => {
      const autoApproveWorkspace = await this.requireRequester(manager, auth, requested.userId);
      requested.projectId = await this.requireContractProject(manager, auth, requested);
      await this.requireTaskInProject(manager, auth, requested);
      // Serialises with every other time write of the member, so the week cannot be approved meanwhile.
      const context = await lockMemberTime(manager, auth.workspaceId, requested.userId, requested.contractId);
      if (!context) throw timeRequestError('UserNotFound');
      await assertWeeksOpen(manager, auth.workspaceId, requested.userId, weeksTouched(requested.start, requested.end, context.timeZone));

      const approved = isManager(auth) || autoApproveWorkspace;
      const [{ id }] = (await manager.query(
        `INSERT INTO time_requests (workspace_id, user_id, contract_id, project_id, task_id, start, "end", status, activity_description,
                                    created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          auth.workspaceId,
          requested.userId,
          requested.contractId,
          requested.projectId,
          requested.taskId,
          requested.start,
          requested.end,
          approved ? 'approved' : 'pending',
          requested.description,
          auth.userId,
          approved ? auth.userId : null,
        ],
      )) as { id: string }[];
      // Decision: time that is already recorded is skipped, so a request wholly covered by it is still approved, adding nothing.
      if (approved) await this.addRequestedTime(manager, auth, requested);
      const response = await this.recordEvent(manager, auth, 'time_request.created', id);
      if (approved) await this.recordEvent(manager, auth, 'time_request.approved', id);
      return response;
    });
  }

  /** Pending → approved and the time added, in one transaction: a 409 of the ledger (approved week) undoes both. */
  approve(auth: AuthContext, timeRequestId: string): Promise<TimeRequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.transition(manager, auth, timeRequestId, 'approve', { updated_by: auth.userId });
      const row = await this.readRow(manager, auth, timeRequestId);
      await this.addRequestedTime(manager, auth, {
        userId: row.user_id,
        contractId: row.contract_id,
        projectId: row.project_id,
        taskId: row.task_id,
        start: row.start,
        end: row.end,
        description: row.activity_description,
      });
      return this.recordEvent(manager, auth, 'time_request.approved', timeRequestId);
    });
  }

  reject(auth: AuthContext, timeRequestId: string, dto: RejectTimeRequestDto): Promise<TimeRequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.transition(manager, auth, timeRequestId, 'reject', { comment: dto.comment, updated_by: auth.userId });
      return this.recordEvent(manager, auth, 'time_request.rejected', timeRequestId);
    });
  }

  private transition(
    manager: EntityManager,
    auth: AuthContext,
    timeRequestId: string,
    action: TimeRequestAction,
    set: Record<string, unknown>,
  ): Promise<unknown> {
    return applyTransition(manager, {
      table: 'time_requests',
      id: timeRequestId,
      workspaceId: auth.workspaceId,
      machine: TIME_REQUEST_MACHINE,
      action,
      notFound: () => timeRequestError('NotFound'),
      set,
    });
  }

  private async addRequestedTime(manager: EntityManager, auth: AuthContext, requested: RequestedTime): Promise<void> {
    await addTime(manager, {
      workspaceId: auth.workspaceId,
      userId: requested.userId,
      contractId: requested.contractId,
      projectId: requested.projectId,
      taskId: requested.taskId,
      activityDescription: requested.description,
      method: MANUALLY_ADDED,
      start: requested.start,
      end: requested.end,
    });
  }

  /** The member the request is for: a live (active or invited) member who tracks time. Returns the workspace's auto-approval. */
  private async requireRequester(manager: EntityManager, auth: AuthContext, userId: number): Promise<boolean> {
    const [member] = (await manager.query(
      `SELECT m.role, w.time_request_auto_approve AS auto_approve
         FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.deleted_at IS NULL AND m.status IN ('active', 'inactive')`,
      [auth.workspaceId, userId],
    )) as { role: Role; auto_approve: boolean }[];
    if (!member) throw timeRequestError('UserNotFound');
    if (member.role === Role.ProjectViewer) throw timeRequestValidationError('ProjectViewer');
    return member.auto_approve;
  }

  /** The project of the request's contract: a live contract of that user, on a live project of the workspace. */
  private async requireContractProject(manager: EntityManager, auth: AuthContext, requested: RequestedTime): Promise<number | null> {
    if (requested.contractId === null) return null;
    const [contract] = (await manager.query(
      `SELECT c.project_id FROM contracts c
         JOIN projects p ON p.id = c.project_id AND p.workspace_id = c.workspace_id AND p.deleted_at IS NULL
        WHERE c.id = $1 AND c.workspace_id = $2 AND c.user_id = $3 AND c.deleted_at IS NULL`,
      [requested.contractId, auth.workspaceId, requested.userId],
    )) as { project_id: number }[];
    if (!contract) throw timeRequestError('ContractNotFound');
    return contract.project_id;
  }

  private async requireTaskInProject(manager: EntityManager, auth: AuthContext, requested: RequestedTime): Promise<void> {
    if (requested.taskId === null) return;
    if (requested.projectId === null) throw timeRequestValidationError('TaskNeedsContract');
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM tasks WHERE id = $1 AND project_id = $2 AND workspace_id = $3 AND deleted_at IS NULL',
      [requested.taskId, requested.projectId, auth.workspaceId],
    );
    if (rows.length === 0) throw timeRequestValidationError('TaskNotInProject');
  }

  /** A write answers with the row it wrote, read in its own transaction; the event carries the same TimeRequest. */
  private async recordEvent(
    manager: EntityManager,
    auth: AuthContext,
    type: EventType,
    timeRequestId: string,
  ): Promise<TimeRequestResponseDto> {
    const response = toTimeRequestResponse(await this.readRow(manager, auth, timeRequestId));
    await this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: response });
    return response;
  }

  private async readRow(manager: EntityManager, auth: AuthContext, timeRequestId: string): Promise<TimeRequestRow> {
    const [row] = await this.readStatement(auth.role).run(manager, { workspaceId: auth.workspaceId, userId: auth.userId, timeRequestId });
    if (!row) throw timeRequestError('NotFound');
    return row;
  }

  private readStatement(role: Role): PreparedStatement<TimeRequestRow> {
    let statement = this.readStatements.get(role);
    if (!statement) {
      statement = PreparedStatement.compile<TimeRequestRow>(`time_requests.get.${roleKey(role)}`, (param) =>
        this.visibleRequests(role, param)
          .select(TIME_REQUEST_COLUMNS)
          .andWhere('t.id = CAST(:timeRequestId AS uuid)', { timeRequestId: param('timeRequestId') }),
      );
      this.readStatements.set(role, statement);
    }
    return statement;
  }

  private listStatement(role: Role, filters: ListFilters): PreparedList<TimeRequestRow> {
    const flags = `${filters.status ? 's' : ''}${filters.user ? 'u' : ''}${filters.project ? 'p' : ''}${filters.id ? 'i' : ''}` || 'all';
    const key = `${role}:${flags}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<TimeRequestRow>(`time_requests.list.${roleKey(role)}.${flags}`, {
        query: (param) => {
          const visible = this.visibleRequests(role, param)
            .andWhere(`t.start >= (CAST(CAST(:dateFrom AS date) AS timestamp) AT TIME ZONE ${OWNER_ZONE})`, { dateFrom: param('dateFrom') })
            .andWhere(`t.start < (CAST(CAST(:dateTo AS date) + 1 AS timestamp) AT TIME ZONE ${OWNER_ZONE})`, { dateTo: param('dateTo') });
          if (filters.status) visible.andWhere('t.status = :filterStatus', { filterStatus: param('filterStatus') });
          if (filters.user) visible.andWhere('t.user_id = :filterUserId', { filterUserId: param('filterUserId') });
          if (filters.project) visible.andWhere('t.project_id = :filterProjectId', { filterProjectId: param('filterProjectId') });
          if (filters.id) visible.andWhere('t.id = CAST(:filterId AS uuid)', { filterId: param('filterId') });
          return visible;
        },
        idColumn: 't.id',
        // conventions.md: time requests newest first by creation time.
        orderBy: [
          ['t.created_at', 'DESC'],
          ['t.id', 'DESC'],
        ],
        select: TIME_REQUEST_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  /** Live requests of the workspace inside the caller's person scope (roles.md listTimeRequests). */
  private visibleRequests(role: Role, param: (key: string) => string): SelectQueryBuilder<ObjectLiteral> {
    const placeholders = placeholderSubject(role, param);
    const query = this.dataSource.manager
      .createQueryBuilder()
      .from('time_requests', 't')
      .where('t.workspace_id = :workspaceId', { workspaceId: param('workspaceId') })
      .andWhere('t.deleted_at IS NULL');
    const scope = personScope(placeholders, 't.user_id');
    if (scope) query.andWhere(scope.sql, scope.params);
    return query;
  }
}
