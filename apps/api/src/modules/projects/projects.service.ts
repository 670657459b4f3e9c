import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, projectScope, requireVisible } from '@app/auth';
import { ApiException, paginate, Paginated, pageRequest } from '@app/common';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Project } from './project.entity';
import { CreateProjectDto, ListProjectsQueryDto, ProjectResponseDto, TagDto, UpdateProjectDto } from './projects.dto';
import { projectError } from './projects.exception';
import { ProjectRow, toProjectResponse } from './projects.mapper';

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

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function deadlineBeforeStart(): ApiException {
  return ApiException.validation({ deadline: ['The deadline must be a date after or equal to start_date.'] });
}

@Injectable()
export class ProjectsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(auth: AuthContext, query: ListProjectsQueryDto): Promise<Paginated<ProjectResponseDto>> {
    const visible = this.visibleProjects(this.dataSource.manager, auth);
    if (query.name) visible.andWhere(`p.name ILIKE :name ESCAPE '\\'`, { name: `%${escapeLike(query.name)}%` });
    return paginate({
      query: visible,
      idColumn: 'p.id',
      orderBy: [['p.id', 'ASC']],
      select: PROJECT_COLUMNS,
      page: pageRequest(query),
      map: (row: ProjectRowWithTags) => toProjectResponse(row, row.tags, auth.canViewRates),
    });
  }

  get(auth: AuthContext, projectId: number): Promise<ProjectResponseDto> {
    return this.readVisible(this.dataSource.manager, auth, projectId);
  }

  /** A write answers with the row it wrote, read in its own transaction: never another writer's state. */
  create(auth: AuthContext, dto: CreateProjectDto): Promise<ProjectResponseDto> {
    if (dto.start_date && dto.deadline && dto.deadline < dto.start_date) throw deadlineBeforeStart();
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

  update(auth: AuthContext, projectId: number, dto: UpdateProjectDto): Promise<ProjectResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.requireProject(manager, auth, projectId);
      const startDate = dto.start_date !== undefined ? dto.start_date : current.start_date;
      const deadline = dto.deadline !== undefined ? dto.deadline : current.deadline;
      if (startDate && deadline && deadline < startDate) throw deadlineBeforeStart();
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

  archive(auth: AuthContext, projectId: number): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireProject(manager, auth, projectId);
      await manager
        .createQueryBuilder()
        .update(Project)
        .set({ deletedAt: () => 'now()', updatedAt: () => 'now()' })
        .where('id = :projectId', { projectId })
        .execute();
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
    const row = await this.visibleProjects(manager, auth)
      .select(PROJECT_COLUMNS)
      .andWhere('p.id = :projectId', { projectId })
      .getRawOne<ProjectRowWithTags>();
    if (!row) throw projectError('NotFound');
    return toProjectResponse(row, row.tags, auth.canViewRates);
  }

  private visibleProjects(manager: EntityManager, auth: AuthContext): SelectQueryBuilder<ObjectLiteral> {
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
