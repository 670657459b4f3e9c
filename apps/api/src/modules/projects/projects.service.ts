import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext } from '@app/auth';
import { Paginated, pageOffset, pageRequest, paginationMeta } from '@app/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { projectScopePredicate } from './project-visibility';
import { Project } from './project.entity';
import { CreateProjectDto, ListProjectsQueryDto, ProjectResponseDto, TagDto, UpdateProjectDto } from './projects.dto';
import { projectError, projectValidationError } from './projects.exception';
import { ProjectRow, toProjectResponse } from './projects.mapper';

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
  `(SELECT count(*) FROM contracts c WHERE c.project_id = p.id AND c.status = 'active' AND c.deleted_at IS NULL)::int AS contracts_count`,
  'p.created_at AS created_at',
  'p.updated_at AS updated_at',
  'p.deleted_at AS deleted_at',
];

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class ProjectsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(auth: AuthContext, query: ListProjectsQueryDto): Promise<Paginated<ProjectResponseDto>> {
    const page = pageRequest(query);
    const visible = this.visibleProjects(auth);
    if (query.name) visible.andWhere(`p.name ILIKE :name ESCAPE '\\'`, { name: `%${escapeLike(query.name)}%` });
    const [{ total }, rows] = await Promise.all([
      visible
        .clone()
        .select('count(*)::int', 'total')
        .getRawOne<{ total: number }>()
        .then((r) => r ?? { total: 0 }),
      visible.clone().select(PROJECT_COLUMNS).orderBy('p.id', 'ASC').offset(pageOffset(page)).limit(page.perPage).getRawMany<ProjectRow>(),
    ]);
    const items = await this.withTags(rows, auth);
    return new Paginated(items, paginationMeta(total, page, items.length));
  }

  get(auth: AuthContext, projectId: number): Promise<ProjectResponseDto> {
    return this.readVisible(this.dataSource.manager, auth, projectId);
  }

  /** A write answers with the row it wrote, read in its own transaction: never another writer's state. */
  async create(auth: AuthContext, dto: CreateProjectDto): Promise<ProjectResponseDto> {
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
          estimation: dto.estimation?.toString() ?? null,
          budgetEstimation: dto.budget?.toString() ?? null,
          notes: dto.notes ?? null,
          icon: dto.icon ?? null,
        })
        .returning(['id'])
        .execute();
      return this.readVisible(manager, auth, (result.raw as { id: number }[])[0].id);
    });
  }

  async update(auth: AuthContext, projectId: number, dto: UpdateProjectDto): Promise<ProjectResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockLiveProject(manager, auth, projectId);
      const startDate = dto.start_date !== undefined ? dto.start_date : current.startDate;
      const deadline = dto.deadline !== undefined ? dto.deadline : current.deadline;
      if (startDate && deadline && deadline < startDate) throw projectValidationError('DeadlineBeforeStart');
      const changes: Partial<Project> = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.start_date !== undefined && { startDate: dto.start_date }),
        ...(dto.deadline !== undefined && { deadline: dto.deadline }),
        ...(dto.estimation !== undefined && { estimation: dto.estimation?.toString() ?? null }),
        ...(dto.budget !== undefined && { budgetEstimation: dto.budget?.toString() ?? null }),
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
      return this.readVisible(manager, auth, projectId);
    });
  }

  async archive(auth: AuthContext, projectId: number): Promise<null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Project)
      .set({ deletedAt: () => 'now()', updatedAt: () => 'now()' })
      .where('id = :projectId AND workspace_id = :workspaceId AND deleted_at IS NULL', { projectId, workspaceId: auth.workspaceId })
      .execute();
    if (!result.affected) throw projectError('NotFound');
    return null;
  }

  private async readVisible(manager: EntityManager, auth: AuthContext, projectId: number): Promise<ProjectResponseDto> {
    const row = await this.visibleProjects(auth, manager)
      .select(PROJECT_COLUMNS)
      .andWhere('p.id = :projectId', { projectId })
      .getRawOne<ProjectRow>();
    if (!row) throw projectError('NotFound');
    const [project] = await this.withTags([row], auth, manager);
    return project;
  }

  private visibleProjects(auth: AuthContext, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<ObjectLiteral> {
    const query = manager
      .createQueryBuilder()
      .from('projects', 'p')
      .innerJoin('workspaces', 'w', 'w.id = p.workspace_id')
      .where('p.workspace_id = :workspaceId', { workspaceId: auth.workspaceId })
      .andWhere('p.deleted_at IS NULL');
    const scope = projectScopePredicate(auth);
    if (scope) query.andWhere(scope, { userId: auth.userId });
    return query;
  }

  private async lockLiveProject(manager: EntityManager, auth: AuthContext, projectId: number): Promise<Project> {
    const project = await manager
      .getRepository(Project)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :projectId AND p.workspace_id = :workspaceId AND p.deleted_at IS NULL', {
        projectId,
        workspaceId: auth.workspaceId,
      })
      .getOne();
    if (!project) throw projectError('NotFound');
    return project;
  }

  /** Tags for a whole page in one query (no N+1). */
  private async withTags(
    rows: ProjectRow[],
    auth: AuthContext,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProjectResponseDto[]> {
    if (rows.length === 0) return [];
    const tagRows: (TagDto & { project_id: number })[] = await manager.query(
      `SELECT pt.project_id, t.id, t.name, t.color FROM project_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.project_id = ANY($1) ORDER BY t.name, t.id`,
      [rows.map((row) => row.id)],
    );
    const byProject = new Map<number, TagDto[]>();
    for (const { project_id, ...tag } of tagRows) byProject.set(project_id, [...(byProject.get(project_id) ?? []), tag]);
    return rows.map((row) => toProjectResponse(row, byProject.get(row.id) ?? [], auth.canViewRates));
  }
}
