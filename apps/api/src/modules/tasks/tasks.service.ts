import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, placeholderSubject, Role } from '@app/auth';
import { Paginated, pageRequest, sqlDirection, SortDirection } from '@app/common';
import { EventsService, EventType, PreparedList } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { assertAssignable, assigneeIds, replaceAssignees } from './task-assignee.rules';
import { BASE_STATUS_CODES, COMPLETED_STATUS_CODES } from './task-codes';
import { TaskReader } from './task-reader';
import { Task } from './task.entity';
import { CreateTaskDto, ListTasksQueryDto, TaskResponseDto, UpdateTaskDto } from './tasks.dto';
import { taskError, taskValidationError } from './tasks.exception';
import { TaskRow, toTaskResponse } from './tasks.mapper';
import { roleKey, TASK_COLUMNS, visibleTasks } from './tasks.queries';

const OPTIONAL_FILTERS = [
  ['status', 't.status = :status'],
  ['priority', 't.priority = :priority'],
  ['parent_id', 't.parent_id = :parentId'],
] as const;
type Filter = (typeof OPTIONAL_FILTERS)[number][0];

const isCompleted = (status: number): boolean => (COMPLETED_STATUS_CODES as readonly number[]).includes(status);

@Injectable()
export class TasksService {
  private readonly listStatements = new Map<string, PreparedList<TaskRow>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly reader: TaskReader,
  ) {}

  /** The project first (404 outside the caller's scope), then count + page as compiled statements per variant. */
  async list(auth: AuthContext, query: ListTasksQueryDto): Promise<Paginated<TaskResponseDto>> {
    const manager = this.dataSource.manager;
    const projectId = await this.projectOfList(manager, auth, query);
    const filters = OPTIONAL_FILTERS.filter(([name]) => query[name] !== undefined).map(([name]) => name);
    const params = {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      projectId,
      status: query.status,
      priority: query.priority,
      parentId: query.parent_id,
    };
    return this.listStatement(auth.role, filters, query.order_by).run(manager, params, pageRequest(query), toTaskResponse);
  }

  get(auth: AuthContext, taskId: number, projectId: number): Promise<TaskResponseDto> {
    return this.reader.read(this.dataSource.manager, auth, taskId, projectId).then(toTaskResponse);
  }

  create(auth: AuthContext, dto: CreateTaskDto): Promise<TaskResponseDto> {
    const assignees = assigneeIds(dto.assignees) ?? [];
    return this.dataSource.transaction(async (manager) => {
      await this.reader.requireProject(manager, auth, dto.project_id, true);
      if (dto.parent_id !== undefined) await this.requireParent(manager, auth, dto.project_id, dto.parent_id);
      await assertAssignable(manager, auth.workspaceId, dto.project_id, assignees);
      const status = dto.status ?? 0;
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Task)
        .values({
          workspaceId: auth.workspaceId,
          projectId: dto.project_id,
          parentId: dto.parent_id ?? null,
          creatorId: auth.userId,
          title: dto.title,
          description: dto.description ?? null,
          status,
          priority: dto.priority ?? null,
          startDate: dto.start_date ?? null,
          endDate: dto.end_date ?? null,
          completedAt: isCompleted(status) ? () => 'now()' : null,
        })
        .returning(['id'])
        .execute();
      const taskId = (result.raw as { id: number }[])[0].id;
      await replaceAssignees(manager, taskId, assignees);
      return this.readBack(manager, auth, taskId, dto.project_id, 'task.created');
    });
  }

  update(auth: AuthContext, taskId: number, dto: UpdateTaskDto): Promise<TaskResponseDto> {
    const assignees = assigneeIds(dto.assignees);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.reader.requireTask(manager, auth, taskId, dto.project_id, true);
      const startDate = dto.start_date !== undefined ? dto.start_date : current.start_date;
      const endDate = dto.end_date !== undefined ? dto.end_date : current.end_date;
      if (startDate && endDate && endDate < startDate) throw taskValidationError('EndBeforeStart');
      if (dto.status !== undefined) await this.requireStatus(manager, auth, dto.project_id, dto.status);
      if (dto.parent_id !== undefined && dto.parent_id !== null)
        await this.requireParent(manager, auth, dto.project_id, dto.parent_id, taskId);
      if (assignees) await assertAssignable(manager, auth.workspaceId, dto.project_id, assignees);
      const status = dto.status;
      const changes: QueryDeepPartialEntity<Task> = {
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...(status !== undefined && { status, completedAt: () => (isCompleted(status) ? 'coalesce(completed_at, now())' : 'NULL') }),
        ...(dto.priority !== undefined && { priority: dto.priority }),
        ...(dto.start_date !== undefined && { startDate: dto.start_date }),
        ...(dto.end_date !== undefined && { endDate: dto.end_date }),
        ...(dto.parent_id !== undefined && { parentId: dto.parent_id }),
      };
      // An empty PUT still counts as an update and moves updated_at.
      await manager
        .createQueryBuilder()
        .update(Task)
        .set({ ...changes, updatedAt: () => 'now()' })
        .where('id = :taskId', { taskId })
        .execute();
      if (assignees) await replaceAssignees(manager, taskId, assignees);
      return this.readBack(manager, auth, taskId, dto.project_id, 'task.updated');
    });
  }

  /** Soft delete of the task and its live subtasks, one `task.deleted` event each. */
  remove(auth: AuthContext, taskId: number, projectId: number): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      await this.reader.requireTask(manager, auth, taskId, projectId, true);
      const tree = (await manager.query(
        `WITH RECURSIVE tree AS (
           SELECT id FROM tasks WHERE id = $1
           UNION SELECT child.id FROM tasks child JOIN tree ON child.parent_id = tree.id WHERE child.deleted_at IS NULL
         ) SELECT t.id FROM tasks t JOIN tree ON tree.id = t.id ORDER BY t.id FOR UPDATE OF t`,
        [taskId],
      )) as { id: number }[];
      const ids = tree.map((row) => row.id);
      const rows = await this.reader.readMany(manager, auth, ids);
      const [deleted] = (await manager.query(
        'UPDATE tasks SET deleted_at = now(), updated_at = now() WHERE id = ANY($1) AND deleted_at IS NULL RETURNING deleted_at, updated_at',
        [ids],
      )) as [{ deleted_at: Date; updated_at: Date }[], number];
      for (const row of rows) await this.record(manager, auth, 'task.deleted', toTaskResponse({ ...row, ...deleted[0] }));
      return null;
    });
  }

  /** listTasks' project: `project_id`, or the project of `contract_id`; both given must agree (tasks.md). */
  private async projectOfList(manager: EntityManager, auth: AuthContext, query: ListTasksQueryDto): Promise<number> {
    let projectId = query.project_id;
    if (query.contract_id !== undefined) {
      const [contract] = (await manager.query(
        'SELECT project_id FROM contracts WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL',
        [query.contract_id, auth.workspaceId],
      )) as { project_id: number }[];
      if (!contract) throw taskError('ContractNotFound');
      if (projectId !== undefined && projectId !== contract.project_id) throw taskValidationError('ContractOfOtherProject');
      projectId = contract.project_id;
    }
    if (projectId === undefined) throw taskValidationError('ProjectRequired');
    return this.reader.requireProject(manager, auth, projectId, false);
  }

  /** A live task of the same project; on update also neither the task itself nor one of its subtasks. */
  private async requireParent(
    manager: EntityManager,
    auth: AuthContext,
    projectId: number,
    parentId: number,
    taskId?: number,
  ): Promise<void> {
    const [parent] = (await manager.query(
      'SELECT id FROM tasks WHERE id = $1 AND project_id = $2 AND workspace_id = $3 AND deleted_at IS NULL',
      [parentId, projectId, auth.workspaceId],
    )) as { id: number }[];
    if (!parent) throw taskValidationError('InvalidParent');
    if (taskId === undefined) return;
    const [cycle] = (await manager.query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM tasks WHERE id = $1
         UNION SELECT t.id, t.parent_id FROM tasks t JOIN up ON t.id = up.parent_id
       ) SELECT 1 AS found FROM up WHERE id = $2`,
      [parentId, taskId],
    )) as { found: number }[];
    if (cycle) throw taskValidationError('ParentCycle');
  }

  /** updateTask: a base code, or a custom code of the task's project or of its workspace (tasks.md decision). */
  private async requireStatus(manager: EntityManager, auth: AuthContext, projectId: number, status: number): Promise<void> {
    if ((BASE_STATUS_CODES as readonly number[]).includes(status)) return;
    const [configured] = (await manager.query(
      'SELECT 1 AS found FROM task_statuses WHERE workspace_id = $1 AND code = $2 AND (project_id = $3 OR project_id IS NULL) LIMIT 1',
      [auth.workspaceId, status, projectId],
    )) as { found: number }[];
    if (!configured) throw taskValidationError('UnknownStatus');
  }

  private async readBack(
    manager: EntityManager,
    auth: AuthContext,
    taskId: number,
    projectId: number,
    type: EventType,
  ): Promise<TaskResponseDto> {
    const task = toTaskResponse(await this.reader.read(manager, auth, taskId, projectId));
    await this.record(manager, auth, type, task);
    return task;
  }

  /** The `task.*` payload is the Task as the API returns it (tasks carry no rate fields). */
  private record(manager: EntityManager, auth: AuthContext, type: EventType, task: TaskResponseDto): Promise<number> {
    return this.events.record(manager, { type, workspaceId: auth.workspaceId, payload: task });
  }

  private listStatement(role: Role, filters: Filter[], direction: SortDirection): PreparedList<TaskRow> {
    const key = `${roleKey(role)}.${filters.join('_') || 'all'}.${direction}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<TaskRow>(`tasks.list.${key}`, {
        query: (param) => {
          const visible = visibleTasks(this.dataSource.manager, placeholderSubject(role, param)).andWhere('t.project_id = :projectId', {
            projectId: param('projectId'),
          });
          for (const [name, sql] of OPTIONAL_FILTERS) {
            if (!filters.includes(name)) continue;
            const placeholder = sql.slice(sql.indexOf(':') + 1);
            visible.andWhere(sql, { [placeholder]: param(placeholder) });
          }
          return visible;
        },
        idColumn: 't.id',
        orderBy: [['t.id', sqlDirection(direction)]],
        select: TASK_COLUMNS,
      });
      this.listStatements.set(key, statement);
    }
    return statement;
  }
}
