import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, placeholderSubject, projectScope, requireVisible, Role, ScopeSubject } from '@app/auth';
import { DecimalSpec, Paginated, pageRequest, toDecimal } from '@app/common';
import { EventsService, EventType, PreparedList, PreparedStatement } from '@app/database';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Project } from './project.entity';
import {
  BUDGET_COLUMN,
  CreateProjectDto,
  ESTIMATION_COLUMN,
  ListProjectsQueryDto,
  ProjectResponseDto,
  TagDto,
  UpdateProjectDto,
} from './projects.dto';
import { projectError, projectValidationError } from './projects.exception';
import { ProjectRow, toProjectResponse } from './projects.mapper';
import { stopTrackersWhere } from '../time-tracking/stop-trackers';

type ProjectRowWithTags = ProjectRow & { tags: TagDto[] };

/** One project, children included: per-row subqueries, so a read is one statement. */
const PROJECT_COLUMNS = [
  'p.id AS id',
  'p.name AS name',
  'w.owner_id AS owner_id',
  'p.start_date AS start_date',
  'p.deadline AS deadline',
  'p.estimation AS estimation',
  'p.budget_estimation AS budget_estimation',
  'p.notes AS notes',
  'p.icon AS icon',
  'p.is_billable AS is_billable',
  'p.rate AS rate',
  'p.weekly_hours_limit AS weekly_hours_limit',
  'p.screenshots AS screenshots',
  `(SELECT count(*) FROM contracts pc WHERE pc.project_id = p.id AND pc.status = 'active' AND pc.deleted_at IS NULL)::int AS contracts_count`,
  `(SELECT coalesce(json_agg(json_build_object('id', tag.id, 'name', tag.name, 'color', tag.color) ORDER BY tag.name, tag.id), '[]'::json)
      FROM project_tags tag_link JOIN tags tag ON tag.id = tag_link.tag_id WHERE tag_link.project_id = p.id) AS tags`,
  'p.created_at AS created_at',
  'p.updated_at AS updated_at',
  'p.deleted_at AS deleted_at',
];

/** The exact canonical text for a validated numeric column value (never via a float's toString). */
const decimalOrNull = (value: number | null | undefined, column: DecimalSpec): string | null =>
  value === null || value === undefined ? null : toDecimal(value, column);

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class ProjectsService {
  private readonly readStatements = new Map<Role, PreparedStatement<ProjectRowWithTags>>();
  private readonly listStatements = new Map<string, PreparedList<ProjectRowWithTags>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /** One compiled pair of statements (count, page) per role scope and name filter. */
  list(auth: AuthContext, query: ListProjectsQueryDto): Promise<Paginated<ProjectResponseDto>> {
    const params = { workspaceId: auth.workspaceId, userId: auth.userId, name: query.name ? `%${escapeLike(query.name)}%` : undefined };
    return this.listStatement(auth.role, query.name !== undefined && query.name !== '').run(
      this.dataSource.manager,
      params,
      pageRequest(query),
      (row) => toProjectResponse(row, row.tags, auth.canViewRates),
    );
  }

  private listStatement(role: Role, byName: boolean): PreparedList<ProjectRowWithTags> {
    const key = `${role}:${byName}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<ProjectRowWithTags>(`projects.list.${role.replace(/\W+/g, '_')}.${byName ? 'name' : 'all'}`, {
        query: (param) => {
          const visible = this.visibleProjects(this.dataSource.manager, placeholderSubject(role, param));
          if (byName) visible.andWhere(`p.name ILIKE :name ESCAPE '\\'`, { name: param('name') });
          return visible;
        },
        idColumn: 'p.id',
        orderBy: [['p.id', 'ASC']],
        select: PROJECT_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  get(auth: AuthContext, projectId: number): Promise<ProjectResponseDto> {
    return this.readVisible(this.dataSource.manager, auth, projectId);
  }

  /** A write answers with the row it wrote, read in its own transaction: never another writer's state. */
  create(auth: AuthContext, dto: CreateProjectDto): Promise<ProjectResponseDto> {
    if (dto.start_date && dto.deadline && dto.deadline < dto.start_date) throw projectValidationError('DeadlineBeforeStart');
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Project)
        .values({
          workspaceId: auth.workspaceId,
          name: dto.name,
          startDate: dto.start_date ?? null,
          deadline: dto.deadline ?? null,
          estimation: decimalOrNull(dto.estimation, ESTIMATION_COLUMN),
          budgetEstimation: decimalOrNull(dto.budget, BUDGET_COLUMN),
          notes: dto.notes ?? null,
          icon: dto.icon ?? null,
        })
        .returning(['id'])
        .execute();
      const row = await this.readRow(manager, auth, (result.raw as { id: number }[])[0].id);
      await this.recordEvent(manager, auth, 'project.created', row);
      return toProjectResponse(row, row.tags, auth.canViewRates);
    });
  }

  update(auth: AuthContext, projectId: number, dto: UpdateProjectDto): Promise<ProjectResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.requireProject(manager, auth, projectId);
      const startDate = dto.start_date !== undefined ? dto.start_date : current.start_date;
      const deadline = dto.deadline !== undefined ? dto.deadline : current.deadline;
      if (startDate && deadline && deadline < startDate) throw projectValidationError('DeadlineBeforeStart');
      const changes: Partial<Project> = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.start_date !== undefined && { startDate: dto.start_date }),
        ...(dto.deadline !== undefined && { deadline: dto.deadline }),
        ...(dto.estimation !== undefined && { estimation: decimalOrNull(dto.estimation, ESTIMATION_COLUMN) }),
        ...(dto.budget !== undefined && { budgetEstimation: decimalOrNull(dto.budget, BUDGET_COLUMN) }),
        ...(dto.notes !== undefined && { notes: dto.notes }),
        ...(dto.icon !== undefined && { icon: dto.icon }),
      };
      // An empty PUT still counts as an update and moves updated_at.
      await manager
        .createQueryBuilder()
        .update(Project)
        .set({ ...changes, updatedAt: () => 'now()' })
        .where('id = :projectId', { projectId })
        .execute();
      const row = await this.readRow(manager, auth, projectId);
      await this.recordEvent(manager, auth, 'project.updated', row);
      return toProjectResponse(row, row.tags, auth.canViewRates);
    });
  }

  archive(auth: AuthContext, projectId: number): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireProject(manager, auth, projectId);
      const row = await this.readRow(manager, auth, projectId);
      await stopTrackersWhere(manager, { workspaceId: auth.workspaceId, projectId });
      const [[archived]] = (await manager.query(
        'UPDATE projects SET deleted_at = now(), updated_at = now() WHERE id = $1 RETURNING deleted_at, updated_at',
        [projectId],
      )) as [{ deleted_at: Date; updated_at: Date }[], number];
      await this.recordEvent(manager, auth, 'project.deleted', { ...row, ...archived });
      return null;
    });
  }

  /** The live project, in the caller's workspace and scope, locked for the rest of the transaction. */
  private requireProject(
    manager: EntityManager,
    auth: AuthContext,
    projectId: number,
  ): Promise<{ id: number; start_date: string | null; deadline: string | null }> {
    return requireVisible(manager, auth, {
      table: 'projects',
      alias: 'p',
      id: projectId,
      scope: projectScope(auth, 'p'),
      notFound: () => projectError('NotFound'),
      lock: true,
      columns: ['p.id AS id', 'p.start_date AS start_date', 'p.deadline AS deadline'],
    });
  }

  private async readVisible(manager: EntityManager, auth: AuthContext, projectId: number): Promise<ProjectResponseDto> {
    const row = await this.readRow(manager, auth, projectId);
    return toProjectResponse(row, row.tags, auth.canViewRates);
  }

  /** getProject and every write's read-back: one named prepared statement per role scope. */
  private async readRow(manager: EntityManager, auth: AuthContext, projectId: number): Promise<ProjectRowWithTags> {
    const [row] = await this.readStatement(auth.role).run(manager, { workspaceId: auth.workspaceId, userId: auth.userId, projectId });
    if (!row) throw projectError('NotFound');
    return row;
  }

  private readStatement(role: Role): PreparedStatement<ProjectRowWithTags> {
    let statement = this.readStatements.get(role);
    if (!statement) {
      statement = PreparedStatement.compile<ProjectRowWithTags>(`projects.get.${role.replace(/\W+/g, '_')}`, (param) => {
        return this.visibleProjects(this.dataSource.manager, placeholderSubject(role, param))
          .select(PROJECT_COLUMNS)
          .andWhere('p.id = :projectId', { projectId: param('projectId') });
      });
      this.readStatements.set(role, statement);
    }
    return statement;
  }

  /**
   * The `project.*` webhook payload is the whole Project, rate included: delivery applies the rate permission
   * of each webhook's creator (webhooks.md), so the outbox keeps what any of them may see.
   */
  private recordEvent(manager: EntityManager, auth: AuthContext, type: EventType, row: ProjectRowWithTags): Promise<number> {
    return this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: toProjectResponse(row, row.tags, true) });
  }

  private visibleProjects(manager: EntityManager, auth: ScopeSubject): SelectQueryBuilder<ObjectLiteral> {
    const query = manager
      .createQueryBuilder()
      .from('projects', 'p')
      .innerJoin('workspaces', 'w', 'w.id = p.workspace_id')
      .where('p.workspace_id = :workspaceId', { workspaceId: auth.workspaceId })
      .andWhere('p.deleted_at IS NULL');
    const scope = projectScope(auth, 'p');
    if (scope) query.andWhere(scope.sql, scope.params);
    return query;
  }
}
