import { TaskAssignee } from '../../../apps/api/src/modules/tasks/task-assignee.entity';
import { TaskStatus } from '../../../apps/api/src/modules/tasks/task-status.entity';
import { Task } from '../../../apps/api/src/modules/tasks/task.entity';
import { FactoryDeps, unique, UserRef, userIdOf } from './factory-deps';

export type CreateTaskInput = Partial<Omit<Task, 'completedAt' | 'deletedAt'>> & {
  workspaceId: number;
  projectId: number;
  /** Who created it (default: the workspace owner). */
  creator?: UserRef;
  /** Users assigned to the task (task_assignees rows; no contract check, unlike the API). */
  assignees?: UserRef[];
  completedAt?: Date | null;
  /** Deleted task (deleted_at set). */
  deleted?: boolean;
};

export interface CreateTaskStatusInput {
  workspaceId: number;
  /** A project's own code; a workspace-wide one by default. */
  projectId?: number;
  code: number;
  name?: string;
  color?: string | null;
}

export class TasksFactory {
  constructor(private readonly deps: FactoryDeps) {}

  async create({ creator, assignees = [], deleted = false, ...overrides }: CreateTaskInput): Promise<Task> {
    const creatorId = creator === undefined ? await this.ownerOf(overrides.workspaceId) : userIdOf(creator);
    const repository = this.deps.dataSource.getRepository(Task);
    const task = repository.create({ title: `Task ${unique()}`, creatorId, ...overrides, ...(deleted ? { deletedAt: new Date() } : {}) });
    await repository.insert(task);
    for (const user of assignees) await this.assign(task.id, user);
    return task;
  }

  async assign(taskId: number, user: UserRef): Promise<TaskAssignee> {
    const repository = this.deps.dataSource.getRepository(TaskAssignee);
    const assignment = repository.create({ taskId, userId: userIdOf(user) });
    await repository.insert(assignment);
    return assignment;
  }

  /** A custom status code, configured outside the API (tasks.md). */
  async status({ workspaceId, projectId, code, name, color = null }: CreateTaskStatusInput): Promise<TaskStatus> {
    const repository = this.deps.dataSource.getRepository(TaskStatus);
    const status = repository.create({ workspaceId, projectId: projectId ?? null, code, name: name ?? `Custom ${code}`, color });
    await repository.insert(status);
    return status;
  }

  private async ownerOf(workspaceId: number): Promise<number> {
    const [row] = (await this.deps.dataSource.query('SELECT owner_id FROM workspaces WHERE id = $1', [workspaceId])) as {
      owner_id: number;
    }[];
    return row.owner_id;
  }
}
