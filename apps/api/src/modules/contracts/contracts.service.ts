import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, contractScope, placeholderSubject, requireVisible, Role, ScopeSubject, SqlPredicate } from '@app/auth';
import { Paginated, pageRequest, toDecimal } from '@app/common';
import { EventsService, EventType, PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { Contract } from './contract.entity';
import { ContractResponseDto, CreateContractDto, ListContractsQueryDto, RATE_COLUMN, UpdateContractDto } from './contracts.dto';
import { contractError, contractValidationError } from './contracts.exception';
import { ContractRow, toContractResponse } from './contracts.mapper';
import { DEFAULT_SCREENSHOT_MODE, MAX_WEEKLY_HOURS, RateType } from './screenshot-modes';
import { stopTrackersWhere } from '../time-tracking/stop-trackers';

/** One contract with its project and person: joins on keys only, so a read is one statement. */
const CONTRACT_COLUMNS = [
  'c.id AS id',
  'c.project_id AS project_id',
  'p.name AS project_name',
  'p.icon AS project_icon',
  'p.is_billable AS is_billable',
  'c.user_id AS user_id',
  'u.firstname AS user_firstname',
  'u.lastname AS user_lastname',
  'u.email AS user_email',
  'm.role AS user_role',
  'c.weekly_hours_limit AS weekly_hours_limit',
  'c.screenshots AS screenshots',
  // The rate in effect for the contract's rate type: its own, the member's or the project's.
  `CASE c.rate_type WHEN ${RateType.Member} THEN m.rate WHEN ${RateType.Project} THEN p.rate ELSE c.rate END AS rate`,
  'c.rate_type AS rate_type',
  'c.currency AS currency',
  'c.status AS status',
  'c.created_at AS created_at',
  'c.updated_at AS updated_at',
];

/** A contract on an archived project is gone with it (reads and writes alike). */
const ON_LIVE_PROJECT: SqlPredicate = {
  sql: 'EXISTS (SELECT 1 FROM projects cp WHERE cp.id = c.project_id AND cp.workspace_id = c.workspace_id AND cp.deleted_at IS NULL)',
  params: {},
};

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: unknown } | undefined)?.code === UNIQUE_VIOLATION;

interface ListFilters {
  project: boolean;
  user: boolean;
  status: boolean;
}

const roleKey = (role: Role): string => role.replace(/\W+/g, '_');

@Injectable()
export class ContractsService {
  private readonly readStatements = new Map<Role, PreparedStatement<ContractRow>>();
  private readonly listStatements = new Map<string, PreparedList<ContractRow>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /** A count and a page statement, compiled once per role scope and combination of filters. */
  list(auth: AuthContext, query: ListContractsQueryDto): Promise<Paginated<ContractResponseDto>> {
    const filters = { project: query.project_id !== undefined, user: query.user_id !== undefined, status: query.status !== undefined };
    const params = {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      filterProjectId: query.project_id,
      filterUserId: query.user_id,
      filterStatus: query.status,
    };
    return this.listStatement(auth.role, filters).run(this.dataSource.manager, params, pageRequest(query), (row) =>
      toContractResponse(row, auth.canViewRates),
    );
  }

  get(auth: AuthContext, contractId: number): Promise<ContractResponseDto> {
    return this.readVisible(this.dataSource.manager, auth, contractId);
  }

  /**
   * The project row is locked first, so concurrent creates for one project run one after another: the second
   * sees the first's contract and answers 409. The partial unique index stays the last word (a 409 as well).
   */
  create(auth: AuthContext, dto: CreateContractDto): Promise<ContractResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await requireVisible(manager, auth, {
        table: 'projects',
        alias: 'p',
        id: dto.project_id,
        scope: null,
        notFound: () => contractError('ProjectNotFound'),
        lock: true,
      });
      await this.requireAssignableMember(manager, auth, dto.user_id);
      const [duplicate] = (await manager.query('SELECT 1 FROM contracts WHERE project_id = $1 AND user_id = $2 AND deleted_at IS NULL', [
        dto.project_id,
        dto.user_id,
      ])) as unknown[];
      if (duplicate) throw contractError('AlreadyAssigned');
      const saveRate = auth.canViewRates && dto.rate !== undefined;
      let inserted: { id: number }[];
      try {
        inserted = (await manager.query(
          `INSERT INTO contracts (workspace_id, project_id, user_id, rate, rate_type, weekly_hours_limit, screenshots)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            auth.workspaceId,
            dto.project_id,
            dto.user_id,
            saveRate ? toDecimal(dto.rate as number, RATE_COLUMN) : null,
            saveRate ? RateType.Custom : RateType.Member,
            dto.weekly_hours_limit ?? MAX_WEEKLY_HOURS,
            dto.screenshots ?? DEFAULT_SCREENSHOT_MODE,
          ],
        )) as { id: number }[];
      } catch (error) {
        if (isUniqueViolation(error)) throw contractError('AlreadyAssigned');
        throw error;
      }
      return this.recordAndRespond(manager, auth, 'contract.created', inserted[0].id);
    });
  }

  update(auth: AuthContext, contractId: number, dto: UpdateContractDto): Promise<ContractResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireContract(manager, auth, contractId);
      if (dto.status === 'paused') await stopTrackersWhere(manager, { workspaceId: auth.workspaceId, contractId });
      const saveRate = auth.canViewRates && dto.rate !== undefined;
      const changes: Partial<Contract> = {
        ...(dto.weekly_hours_limit !== undefined && { weeklyHoursLimit: dto.weekly_hours_limit }),
        ...(dto.screenshots !== undefined && { screenshots: dto.screenshots }),
        ...(dto.status !== undefined && { status: dto.status }),
        ...(saveRate && { rate: toDecimal(dto.rate as number, RATE_COLUMN), rateType: RateType.Custom }),
      };
      // An empty PUT still counts as an update and moves updated_at.
      await manager
        .createQueryBuilder()
        .update(Contract)
        .set({ ...changes, updatedAt: () => 'now()' })
        .where('id = :contractId', { contractId })
        .execute();
      return this.recordAndRespond(manager, auth, 'contract.updated', contractId);
    });
  }

  /** Soft delete: tracked time keeps its contract_id (the row stays). */
  delete(auth: AuthContext, contractId: number): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireContract(manager, auth, contractId);
      const row = await this.readRow(manager, auth, contractId);
      await stopTrackersWhere(manager, { workspaceId: auth.workspaceId, contractId });
      await manager.query('UPDATE contracts SET deleted_at = now(), updated_at = now() WHERE id = $1', [contractId]);
      await this.events.record(manager, {
        type: 'contract.deleted',
        workspaceId: auth.workspaceId,
        payload: toContractResponse(row, true),
      });
      return null;
    });
  }

  /** An active or invited member of the workspace (not one who left), who is not a Project viewer. */
  private async requireAssignableMember(manager: EntityManager, auth: AuthContext, userId: number): Promise<void> {
    const [member] = (await manager.query(
      `SELECT role FROM workspace_members
        WHERE workspace_id = $1 AND user_id = $2 AND deleted_at IS NULL AND status IN ('active', 'inactive')`,
      [auth.workspaceId, userId],
    )) as { role: Role }[];
    if (!member) throw contractError('UserNotFound');
    if (member.role === Role.ProjectViewer) throw contractValidationError('ProjectViewer');
  }

  /** The live contract (on a live project) in the caller's workspace, locked for the rest of the transaction. */
  private requireContract(manager: EntityManager, auth: AuthContext, contractId: number): Promise<{ id: number }> {
    return requireVisible(manager, auth, {
      table: 'contracts',
      alias: 'c',
      id: contractId,
      scope: ON_LIVE_PROJECT,
      notFound: () => contractError('NotFound'),
      lock: true,
    });
  }

  /**
   * A write answers with the row it wrote, read in its own transaction. The `contract.*` payload keeps the rate
   * fields (the project's billability still applies): delivery would filter by each webhook creator's permission.
   */
  private async recordAndRespond(
    manager: EntityManager,
    auth: AuthContext,
    type: EventType,
    contractId: number,
  ): Promise<ContractResponseDto> {
    const row = await this.readRow(manager, auth, contractId);
    await this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: toContractResponse(row, true) });
    return toContractResponse(row, auth.canViewRates);
  }

  private async readVisible(manager: EntityManager, auth: AuthContext, contractId: number): Promise<ContractResponseDto> {
    return toContractResponse(await this.readRow(manager, auth, contractId), auth.canViewRates);
  }

  /** getContract and every write's read-back: one named prepared statement per role scope. */
  private async readRow(manager: EntityManager, auth: AuthContext, contractId: number): Promise<ContractRow> {
    const [row] = await this.readStatement(auth.role).run(manager, { workspaceId: auth.workspaceId, userId: auth.userId, contractId });
    if (!row) throw contractError('NotFound');
    return row;
  }

  private readStatement(role: Role): PreparedStatement<ContractRow> {
    let statement = this.readStatements.get(role);
    if (!statement) {
      statement = PreparedStatement.compile<ContractRow>(`contracts.get.${roleKey(role)}`, (param) =>
        this.visibleContracts(placeholderSubject(role, param))
          .select(CONTRACT_COLUMNS)
          .andWhere('c.id = :contractId', { contractId: param('contractId') }),
      );
      this.readStatements.set(role, statement);
    }
    return statement;
  }

  private listStatement(role: Role, filters: ListFilters): PreparedList<ContractRow> {
    const flags = `${filters.project ? 'p' : ''}${filters.user ? 'u' : ''}${filters.status ? 's' : ''}` || 'all';
    const key = `${role}:${flags}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<ContractRow>(`contracts.list.${roleKey(role)}.${flags}`, {
        query: (param) => {
          const visible = this.visibleContracts(placeholderSubject(role, param));
          if (filters.project) visible.andWhere('c.project_id = :filterProjectId', { filterProjectId: param('filterProjectId') });
          if (filters.user) visible.andWhere('c.user_id = :filterUserId', { filterUserId: param('filterUserId') });
          if (filters.status) visible.andWhere('c.status = :filterStatus', { filterStatus: param('filterStatus') });
          return visible;
        },
        idColumn: 'c.id',
        orderBy: [['c.id', 'ASC']],
        select: CONTRACT_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  /**
   * Live contracts of the workspace on live projects, inside the caller's contract scope. The person joins are
   * LEFT joins on unique keys (the foreign key guarantees the user), so PostgreSQL drops them from the count.
   */
  private visibleContracts(auth: ScopeSubject): SelectQueryBuilder<ObjectLiteral> {
    const query = this.dataSource.manager
      .createQueryBuilder()
      .from('contracts', 'c')
      .innerJoin('projects', 'p', 'p.id = c.project_id AND p.workspace_id = c.workspace_id AND p.deleted_at IS NULL')
      .leftJoin('users', 'u', 'u.id = c.user_id')
      .leftJoin('workspace_members', 'm', 'm.workspace_id = c.workspace_id AND m.user_id = c.user_id')
      .where('c.workspace_id = :workspaceId', { workspaceId: auth.workspaceId })
      .andWhere('c.deleted_at IS NULL');
    const scope = contractScope(auth, 'c', 'p');
    if (scope) query.andWhere(scope.sql, scope.params);
    return query;
  }
}
