import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, placeholderSubject, Role } from '@app/auth';
import { Paginated, pageRequest, PaginationQueryDto } from '@app/common';
import { EventsService, PreparedList } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { assignability } from './task-assignee.rules';
import { TaskReader } from './task-reader';
import { AssigneeDto, TaskAssignmentDto } from './tasks.dto';
import { taskError } from './tasks.exception';
import { toTaskResponse } from './tasks.mapper';
import { ASSIGNEE_COLUMNS, roleKey, taskProjectScope } from './tasks.queries';

/**
 * assignTask, unassignTask, listTaskAssignees. webhooks.md names no assignment events, and the assignee set is part
 * of the Task, so both writes record `task.updated` with the Task as it is afterwards.
 */
@Injectable()
export class TaskAssigneesService {
  private readonly listStatements = new Map<Role, PreparedList<AssigneeDto>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly reader: TaskReader,
  ) {}

  async list(auth: AuthContext, taskId: number, projectId: number, query: PaginationQueryDto): Promise<Paginated<AssigneeDto>> {
    const manager = this.dataSource.manager;
    await this.reader.requireTask(manager, auth, taskId, projectId, false);
    const params = { workspaceId: auth.workspaceId, userId: auth.userId, taskId };
    return this.listStatement(auth.role).run(manager, params, pageRequest(query), (row) => row);
  }

  assign(auth: AuthContext, taskId: number, userId: number, projectId: number): Promise<TaskAssignmentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.reader.requireTask(manager, auth, taskId, projectId, true);
      const verdict = await assignability(manager, auth.workspaceId, projectId, userId);
      if (verdict === 'unknown') throw taskError('UserNotFound');
      if (verdict === 'not_on_project') throw taskError('UserNotOnProject');
      const [assignment] = (await manager.query(
        `INSERT INTO task_assignees (task_id, user_id) VALUES ($1, $2) ON CONFLICT (task_id, user_id) DO NOTHING
         RETURNING id, task_id, user_id`,
        [taskId, userId],
      )) as TaskAssignmentDto[];
      if (!assignment) throw taskError('AlreadyAssigned');
      await this.recordUpdated(manager, auth, taskId, projectId);
      return assignment;
    });
  }

  unassign(auth: AuthContext, taskId: number, userId: number, projectId: number): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      await this.reader.requireTask(manager, auth, taskId, projectId, true);
      const [removed] = (await manager.query('DELETE FROM task_assignees WHERE task_id = $1 AND user_id = $2 RETURNING id', [
        taskId,
        userId,
      ])) as [{ id: number }[], number];
      if (removed.length === 0) throw taskError('AssigneeNotFound');
      await this.recordUpdated(manager, auth, taskId, projectId);
      return null;
    });
  }

  private async recordUpdated(manager: EntityManager, auth: AuthContext, taskId: number, projectId: number): Promise<void> {
    await manager.query('UPDATE tasks SET updated_at = now() WHERE id = $1', [taskId]);
    const task = toTaskResponse(await this.reader.read(manager, auth, taskId, projectId));
    await this.events.record(manager, { type: 'task.updated', workspaceId: auth.workspaceId, payload: task });
  }

  private listStatement(role: Role): PreparedList<AssigneeDto> {
    let statement = this.listStatements.get(role);
    if (!statement) {
      statement = PreparedList.compile<AssigneeDto>(`tasks.assignees.${roleKey(role)}`, {
        query: (param) => {
          const auth = placeholderSubject(role, param);
          const scope = taskProjectScope(auth);
          return this.dataSource.manager
            .createQueryBuilder()
            .from('task_assignees', 'ta')
            .innerJoin('users', 'u', 'u.id = ta.user_id')
            .innerJoin('tasks', 't', 't.id = ta.task_id AND t.workspace_id = :workspaceId AND t.deleted_at IS NULL', {
              workspaceId: auth.workspaceId,
            })
            .where('ta.task_id = :taskId', { taskId: param('taskId') })
            .andWhere(scope.sql, scope.params);
        },
        idColumn: 'ta.id',
        orderBy: [['ta.id', 'ASC']],
        select: ASSIGNEE_COLUMNS,
      });
      this.listStatements.set(role, statement);
    }
    return statement;
  }
}
