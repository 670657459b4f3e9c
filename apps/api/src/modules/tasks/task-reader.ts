import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, placeholderSubject, projectScope, requireVisible, Role } from '@app/auth';
import { PreparedStatement } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { taskError } from './tasks.exception';
import { TaskRow } from './tasks.mapper';
import { roleKey, TASK_COLUMNS, taskProjectScope, visibleTasks } from './tasks.queries';

/**
 * Loads tasks and their projects for the tasks services, always through the access layer: the caller's
 * workspace, liveness of task and project, and the caller's project scope. Anything else is the resource's 404.
 */
@Injectable()
export class TaskReader {
  private readonly readStatements = new Map<Role, PreparedStatement<TaskRow>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** getTask and every write's read-back: one named prepared statement per role scope. */
  async read(manager: EntityManager, auth: AuthContext, taskId: number, projectId: number): Promise<TaskRow> {
    const [row] = await this.readStatement(auth.role).run(manager, {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      taskId,
      projectId,
    });
    if (!row) throw taskError('NotFound');
    return row;
  }

  /** Several tasks at once (the payloads of a delete with its subtasks). */
  readMany(manager: EntityManager, auth: AuthContext, taskIds: number[]): Promise<TaskRow[]> {
    return visibleTasks(manager, auth)
      .select(TASK_COLUMNS)
      .andWhere('t.id = ANY(:taskIds)', { taskIds })
      .orderBy('t.id')
      .getRawMany<TaskRow>();
  }

  /** The live task of `projectId`, visible to the caller; `lock` keeps it locked for the caller's transaction. */
  requireTask(manager: EntityManager, auth: AuthContext, taskId: number, projectId: number, lock: boolean): Promise<TaskColumns> {
    const inProject = taskProjectScope(auth);
    return requireVisible<TaskColumns>(manager, auth, {
      table: 'tasks',
      alias: 't',
      id: taskId,
      scope: {
        sql: `t.project_id = :require_project_id AND ${inProject.sql}`,
        params: { ...inProject.params, require_project_id: projectId },
      },
      notFound: () => taskError('NotFound'),
      lock,
      columns: ['t.id AS id', 't.project_id AS project_id', 't.status AS status', 't.start_date AS start_date', 't.end_date AS end_date'],
    });
  }

  /** A live project visible to the caller (createTask, listTasks); locked for creates. */
  async requireProject(manager: EntityManager, auth: AuthContext, projectId: number, lock: boolean): Promise<number> {
    const row = await requireVisible(manager, auth, {
      table: 'projects',
      alias: 'p',
      id: projectId,
      scope: projectScope(auth, 'p'),
      notFound: () => taskError('ProjectNotFound'),
      lock,
    });
    return row.id;
  }

  private readStatement(role: Role): PreparedStatement<TaskRow> {
    let statement = this.readStatements.get(role);
    if (!statement) {
      statement = PreparedStatement.compile<TaskRow>(`tasks.get.${roleKey(role)}`, (param) =>
        visibleTasks(this.dataSource.manager, placeholderSubject(role, param))
          .select(TASK_COLUMNS)
          .andWhere('t.id = :taskId', { taskId: param('taskId') })
          .andWhere('t.project_id = :projectId', { projectId: param('projectId') }),
      );
      this.readStatements.set(role, statement);
    }
    return statement;
  }
}

export interface TaskColumns {
  id: number;
  project_id: number;
  status: number;
  start_date: string | null;
  end_date: string | null;
}
