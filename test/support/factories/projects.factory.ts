import { Project } from '../../../apps/api/src/modules/projects/project.entity';
import { ProjectManager } from '../../../apps/api/src/modules/projects/project-manager.entity';
import { Tag } from '../../../apps/api/src/modules/projects/tag.entity';
import { ProjectViewerAssignment } from '../../../apps/api/src/modules/project-viewers/project-viewer-assignment.entity';
import { FactoryDeps, unique, UserRef, userIdOf } from './factory-deps';

export type TagInput = string | { name: string; color?: string | null };

export type CreateProjectInput = Partial<Omit<Project, 'tags'>> & {
  workspaceId: number;
  /** Project manager(s): "managed project" in roles.md (project_managers rows). */
  manager?: UserRef | UserRef[];
  /** Project viewers the project is assigned to (assignProjectToViewer; project_viewer_projects rows). */
  viewers?: UserRef[];
  /** Tags by name (created in the workspace, or reused when the name exists). */
  tags?: TagInput[];
  /** Archived project (deleted_at set, status 0 in the API). */
  archived?: boolean;
};

export class ProjectsFactory {
  constructor(private readonly deps: FactoryDeps) {}

  async create({ manager, viewers = [], tags = [], archived = false, ...overrides }: CreateProjectInput): Promise<Project> {
    const repository = this.deps.dataSource.getRepository(Project);
    const project = repository.create({ name: `Project ${unique()}`, ...(archived ? { deletedAt: new Date() } : {}), ...overrides });
    await repository.insert(project);
    const managers = manager === undefined ? [] : Array.isArray(manager) ? manager : [manager];
    for (const ref of managers) await this.addManager(project.id, ref);
    for (const ref of viewers) await this.assignViewer(project.id, ref);
    for (const tag of tags) {
      const { name, color = null } = typeof tag === 'string' ? { name: tag } : tag;
      await this.tag(project, name, color);
    }
    return project;
  }

  async addManager(projectId: number, user: UserRef): Promise<void> {
    await this.deps.dataSource.getRepository(ProjectManager).insert({ projectId, userId: userIdOf(user) });
  }

  async assignViewer(projectId: number, user: UserRef): Promise<void> {
    await this.deps.dataSource.getRepository(ProjectViewerAssignment).insert({ projectId, userId: userIdOf(user) });
  }

  /** Tags the project, creating the workspace tag unless one of that name exists. */
  async tag(project: Pick<Project, 'id' | 'workspaceId'>, name: string, color: string | null = null): Promise<Tag> {
    const repository = this.deps.dataSource.getRepository(Tag);
    let tag = await repository.findOneBy({ workspaceId: project.workspaceId, name });
    if (!tag) {
      tag = repository.create({ workspaceId: project.workspaceId, name, color });
      await repository.insert(tag);
    }
    await this.deps.dataSource.query('INSERT INTO project_tags (project_id, tag_id) VALUES ($1, $2)', [project.id, tag.id]);
    return tag;
  }
}
