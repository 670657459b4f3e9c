import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, MANAGEMENT_ROLES, personScope, placeholderSubject, Role } from '@app/auth';
import { Paginated, pageRequest, requireTransition, toDecimal, toScaled } from '@app/common';
import { EventsService, EventType, PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { fitsAllowance, LeaveShape, leaveTotals } from './leave-amount';
import { LeavePeriod, LeaveStatus, LeaveTimeUnit } from './leave-kinds';
import { LEAVE_MACHINE, LeaveAction } from './leave-machine';
import {
  CreateLeaveRequestDto,
  LeaveRequestResponseDto,
  ListLeavesQueryDto,
  RejectLeaveRequestDto,
  REQUEST_HOURS_PER_DAY,
} from './leaves.dto';
import { leaveError, leaveValidationError } from './leaves.exception';
import { LEAVE_REQUEST_COLUMNS, LeaveRequestRow, toLeaveRequestResponse } from './leaves.mapper';

const EXCLUSION_VIOLATION = '23P01';
const NO_OVERLAP = 'leave_requests_no_overlap_ex';

interface ListFilters {
  id: boolean;
  policy: boolean;
  paid: boolean;
  status: boolean;
  from: boolean;
  to: boolean;
  user: boolean;
}

/** One letter per filter, for the statement names of the list's variants. */
const FILTER_LETTERS: Record<keyof ListFilters, string> = { id: 'i', policy: 'p', paid: 'y', status: 's', from: 'f', to: 't', user: 'u' };

interface PolicyRow {
  id: number;
  time_unit: LeaveTimeUnit;
  hours_per_day: string;
  duration: string;
  allow_negative_balance: boolean;
  reason_required: boolean;
}

/** A request's row as the decisions lock it. */
interface LockedRequest {
  status: LeaveStatus;
  user_id: number;
  policy_id: number;
  start_date: string;
  end_date: string;
  leave_period: LeavePeriod;
  hours_per_day: string;
}

const roleKey = (role: Role): string => role.replace(/\W+/g, '_');
const isManager = (auth: AuthContext): boolean => MANAGEMENT_ROLES.includes(auth.role);
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const yearStart = (date: string): string => `${date.slice(0, 4)}-01-01`;
const yearEnd = (date: string): string => `${date.slice(0, 4)}-12-31`;

const isOverlap = (error: unknown): boolean => {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === EXCLUSION_VIOLATION && driver.constraint === NO_OVERLAP;
};

/**
 * Leave requests (leaves.md): the list in the caller's person scope, requests (approved at once for OW and EM),
 * and the two decisions. Every balance check runs under the lock of the member's assignment row of the policy,
 * so concurrent approvals (or auto-approved requests) of one member and policy are checked one after another.
 */
@Injectable()
export class LeavesService {
  private readonly listStatements = new Map<string, PreparedList<LeaveRequestRow>>();
  private readStatement?: PreparedStatement<LeaveRequestRow>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  list(auth: AuthContext, query: ListLeavesQueryDto): Promise<Paginated<LeaveRequestResponseDto>> {
    const filters: ListFilters = {
      id: query.id !== undefined,
      policy: query.policy_id !== undefined,
      paid: query.is_paid !== undefined,
      status: query.status !== undefined,
      from: query.date_from !== undefined,
      to: query.date_to !== undefined,
      user: query.user_id !== undefined,
    };
    const params = {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      filterId: query.id,
      filterPolicyId: query.policy_id,
      filterPaid: query.is_paid === 'yes',
      filterStatus: query.status,
      dateFrom: query.date_from,
      dateTo: query.date_to,
      filterUserId: query.user_id,
    };
    return this.listStatement(auth.role, filters).run(this.dataSource.manager, params, pageRequest(query), toLeaveRequestResponse);
  }

  /** OW and EM request for any member and the leave is approved at once; others request for themselves, pending. */
  async create(auth: AuthContext, dto: CreateLeaveRequestDto): Promise<LeaveRequestResponseDto> {
    if (!isManager(auth) && dto.user_id !== auth.userId) throw leaveError('ForSomeoneElse');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const timeZone = await this.requireMember(manager, auth, dto.user_id);
        const policy = await this.requirePolicy(manager, auth, dto.policy_id);
        if (!(await this.lockAssignment(manager, policy.id, dto.user_id))) throw leaveValidationError('PolicyNotAssigned');
        const shape = this.requestedShape(policy, dto);
        await this.assertBalance(manager, auth, policy, dto.user_id, shape);

        const approved = isManager(auth);
        const totals = leaveTotals(policy.time_unit, shape, policy.hours_per_day);
        const [{ id }] = (await manager.query(
          `INSERT INTO leave_requests (workspace_id, user_id, policy_id, status, note, start_date, end_date, leave_period, start_time, end_time,
                                       hours_per_day, total_days, total_hours, time_zone, created_by, approved_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
          [
            auth.workspaceId,
            dto.user_id,
            policy.id,
            approved ? 'approved' : 'pending',
            dto.reason ?? null,
            shape.startDate,
            shape.endDate,
            shape.leavePeriod,
            dto.start_time ?? null,
            dto.end_time ?? null,
            shape.hoursPerDay,
            totals.days,
            totals.hours,
            timeZone,
            auth.userId,
            approved ? auth.userId : null,
          ],
        )) as { id: string }[];
        const response = await this.recordEvent(manager, auth, 'leave_request.created', id);
        if (approved) await this.recordEvent(manager, auth, 'leave_request.approved', id);
        return response;
      });
    } catch (error) {
      if (isOverlap(error)) throw leaveError('Overlap');
      throw error;
    }
  }

  /** Pending → approved; the balance is checked again, under the member's assignment lock (409 when it would go negative). */
  approve(auth: AuthContext, leaveId: string): Promise<LeaveRequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockRequest(manager, auth, leaveId, 'approve');
      const policy = await this.requirePolicy(manager, auth, request.policy_id);
      await this.lockAssignment(manager, policy.id, request.user_id);
      await this.assertBalance(manager, auth, policy, request.user_id, {
        startDate: request.start_date,
        endDate: request.end_date,
        leavePeriod: request.leave_period,
        hoursPerDay: request.hours_per_day,
      });
      await manager.query(`UPDATE leave_requests SET status = 'approved', approved_by = $2, updated_at = now() WHERE id = $1`, [
        leaveId,
        auth.userId,
      ]);
      return this.recordEvent(manager, auth, 'leave_request.approved', leaveId);
    });
  }

  reject(auth: AuthContext, leaveId: string, dto: RejectLeaveRequestDto): Promise<LeaveRequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockRequest(manager, auth, leaveId, 'reject');
      await manager.query(
        `UPDATE leave_requests SET status = 'rejected', rejected_by = $2, reject_reason = $3, updated_at = now() WHERE id = $1`,
        [leaveId, auth.userId, dto.reason],
      );
      return this.recordEvent(manager, auth, 'leave_request.rejected', leaveId);
    });
  }

  /**
   * Locks the request (`FOR UPDATE`: a concurrent decision waits, then sees the new state) and checks the action
   * on the kit's state machine (409 "Leave request is not pending."). Not applyTransition: leave requests are never
   * soft-deleted, and approval must lock the assignment after the request and before writing.
   */
  private async lockRequest(manager: EntityManager, auth: AuthContext, leaveId: string, action: LeaveAction): Promise<LockedRequest> {
    const [row] = (await manager.query(
      `SELECT status, user_id, policy_id, start_date, end_date, leave_period, hours_per_day::text AS hours_per_day
         FROM leave_requests WHERE id = $1 AND workspace_id = $2 FOR UPDATE`,
      [leaveId, auth.workspaceId],
    )) as LockedRequest[];
    if (!row) throw leaveError('NotFound');
    requireTransition(LEAVE_MACHINE, row.status, action);
    return row;
  }

  /** The member the leave is for: live (active or invited) and not a Project viewer. Returns their time zone. */
  private async requireMember(manager: EntityManager, auth: AuthContext, userId: number): Promise<string> {
    // conventions.md: wall-clock leave input is read in the member's zone, else the workspace owner's, else UTC.
    const [member] = (await manager.query(
      `SELECT m.role, COALESCE(u.timezone, ou.timezone, 'UTC') AS time_zone
         FROM workspace_members m
         JOIN users u ON u.id = m.user_id
         JOIN workspaces w ON w.id = m.workspace_id
         JOIN users ou ON ou.id = w.owner_id
        WHERE m.workspace_id = $1 AND m.user_id = $2 AND m.deleted_at IS NULL AND m.status IN ('active', 'inactive')`,
      [auth.workspaceId, userId],
    )) as { role: Role; time_zone: string }[];
    if (!member) throw leaveError('UserNotFound');
    if (member.role === Role.ProjectViewer) throw leaveValidationError('ProjectViewer');
    return member.time_zone;
  }

  private async requirePolicy(manager: EntityManager, auth: AuthContext, policyId: number): Promise<PolicyRow> {
    const [policy] = (await manager.query(
      `SELECT id, time_unit, hours_per_day::text AS hours_per_day, duration::text AS duration, allow_negative_balance, reason_required
         FROM leave_policies WHERE id = $1 AND workspace_id = $2`,
      [policyId, auth.workspaceId],
    )) as PolicyRow[];
    if (!policy) throw leaveValidationError('PolicyNotFound');
    return policy;
  }

  /** Locks the member's assignment to the policy: the lock every balance check of that member and policy queues on. */
  private async lockAssignment(manager: EntityManager, policyId: number, userId: number): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM leave_policy_assignments WHERE policy_id = $1 AND user_id = $2 FOR UPDATE', [
      policyId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** The request as the policy reads it: hour-based policies need a window and hours per day, day-based refuse them. */
  private requestedShape(policy: PolicyRow, dto: CreateLeaveRequestDto): LeaveShape {
    if (policy.reason_required && dto.reason === undefined) throw leaveValidationError('ReasonRequired');
    const base = { startDate: dto.start, endDate: dto.end };
    if (policy.time_unit === 'days') {
      if (dto.start_time !== undefined && dto.start_time !== null) throw leaveValidationError('StartTimeDayBased');
      if (dto.end_time !== undefined && dto.end_time !== null) throw leaveValidationError('EndTimeDayBased');
      if (dto.hours_per_day !== undefined && dto.hours_per_day !== null) throw leaveValidationError('HoursPerDayDayBased');
      return { ...base, leavePeriod: dto.leave_period ?? 0, hoursPerDay: policy.hours_per_day };
    }
    if (dto.start_time === undefined || dto.start_time === null) throw leaveValidationError('StartTimeRequired');
    if (dto.end_time === undefined || dto.end_time === null) throw leaveValidationError('EndTimeRequired');
    if (dto.hours_per_day === undefined || dto.hours_per_day === null) throw leaveValidationError('HoursPerDayRequired');
    if ((dto.leave_period ?? 0) !== 0) throw leaveValidationError('HalfDayHourBased');
    const hoursPerDay = toDecimal(dto.hours_per_day, REQUEST_HOURS_PER_DAY);
    const windowMinutes = minutesOf(dto.end_time) - minutesOf(dto.start_time);
    if (toScaled(hoursPerDay, 2) * 60n > BigInt(windowMinutes) * 100n) throw leaveValidationError('HoursPerDayOverWindow');
    return { ...base, leavePeriod: 0, hoursPerDay };
  }

  /** 409 when the policy allows no negative balance and the leave does not fit what is left in a year it touches. */
  private async assertBalance(
    manager: EntityManager,
    auth: AuthContext,
    policy: PolicyRow,
    userId: number,
    shape: LeaveShape,
  ): Promise<void> {
    if (policy.allow_negative_balance) return;
    const approved = (await manager.query(
      `SELECT start_date AS "startDate", end_date AS "endDate", leave_period AS "leavePeriod", hours_per_day::text AS "hoursPerDay"
         FROM leave_requests
        WHERE user_id = $1 AND policy_id = $2 AND workspace_id = $3 AND status = 'approved' AND start_date <= $5 AND end_date >= $4`,
      [userId, policy.id, auth.workspaceId, yearStart(shape.startDate), yearEnd(shape.endDate)],
    )) as LeaveShape[];
    if (!fitsAllowance(policy.time_unit, policy.duration, approved, shape)) throw leaveError('InsufficientBalance');
  }

  /** A write answers with the row it wrote, read in its own transaction; the event carries the same LeaveRequest. */
  private async recordEvent(manager: EntityManager, auth: AuthContext, type: EventType, leaveId: string): Promise<LeaveRequestResponseDto> {
    this.readStatement ??= PreparedStatement.compile<LeaveRequestRow>('leave_requests.get', (param) =>
      this.requests()
        .select(LEAVE_REQUEST_COLUMNS)
        .where('l.workspace_id = :workspaceId', { workspaceId: param('workspaceId') })
        .andWhere('l.id = CAST(:leaveId AS uuid)', { leaveId: param('leaveId') }),
    );
    const [row] = await this.readStatement.run(manager, { workspaceId: auth.workspaceId, leaveId });
    const response = toLeaveRequestResponse(row);
    await this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: response });
    return response;
  }

  private requests(): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource.manager
      .createQueryBuilder()
      .from('leave_requests', 'l')
      .innerJoin('leave_policies', 'p', 'p.id = l.policy_id AND p.workspace_id = l.workspace_id');
  }

  private listStatement(role: Role, filters: ListFilters): PreparedList<LeaveRequestRow> {
    const flags =
      Object.entries(FILTER_LETTERS)
        .filter(([name]) => filters[name as keyof ListFilters])
        .map(([, letter]) => letter)
        .join('') || 'all';
    const key = `${role}:${flags}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<LeaveRequestRow>(`leave_requests.list.${roleKey(role)}.${flags}`, {
        query: (param) => {
          const visible = this.requests().where('l.workspace_id = :workspaceId', { workspaceId: param('workspaceId') });
          const placeholders = placeholderSubject(role, param);
          const scope = personScope(placeholders, 'l.user_id');
          if (scope) visible.andWhere(scope.sql, scope.params);
          if (filters.id) visible.andWhere('l.id = CAST(:filterId AS uuid)', { filterId: param('filterId') });
          if (filters.policy) visible.andWhere('l.policy_id = :filterPolicyId', { filterPolicyId: param('filterPolicyId') });
          if (filters.paid) visible.andWhere('p.is_paid = CAST(:filterPaid AS boolean)', { filterPaid: param('filterPaid') });
          if (filters.status) visible.andWhere('l.status = :filterStatus', { filterStatus: param('filterStatus') });
          // leaves.md: the range matches leaves that overlap it.
          if (filters.from) visible.andWhere('l.end_date >= CAST(:dateFrom AS date)', { dateFrom: param('dateFrom') });
          if (filters.to) visible.andWhere('l.start_date <= CAST(:dateTo AS date)', { dateTo: param('dateTo') });
          if (filters.user) visible.andWhere('l.user_id = :filterUserId', { filterUserId: param('filterUserId') });
          return visible;
        },
        idColumn: 'l.id',
        // conventions.md: leaves newest first by creation time.
        orderBy: [
          ['l.created_at', 'DESC'],
          ['l.id', 'DESC'],
        ],
        select: LEAVE_REQUEST_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }
}
