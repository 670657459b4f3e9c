import { Membership, MembershipStatus, Role } from '@app/auth';
import { FactoryDeps } from './factory-deps';
import { MembersFactory, TestMember } from './members.factory';
import { ProjectsFactory } from './projects.factory';

export interface CreateViewerInput {
  workspaceId: number;
  /** An existing user; a new user by default. */
  userId?: number;
  /** Projects assigned to the viewer (project_viewer_projects rows). */
  projects?: number[];
  /** `inactive`: invited, not yet accepted (no activated_at); `left`: archived (deleted_at set). Default `active`. */
  status?: 'active' | 'inactive' | 'left';
  /** For `left`: whether the invitation had been accepted before the archive (default true). */
  accepted?: boolean;
}

/**
 * Project viewers built directly in the database: a membership with role `Project viewer` (and a PAT for the
 * viewer), as createProjectViewer plus the invitation flow would leave it.
 */
export class ViewersFactory {
  constructor(
    private readonly deps: FactoryDeps,
    private readonly members: MembersFactory,
    private readonly projects: ProjectsFactory,
  ) {}

  async create({
    workspaceId,
    userId,
    projects = [],
    status = 'active',
    accepted = status !== 'inactive',
  }: CreateViewerInput): Promise<TestMember> {
    const viewer = await this.members.create({
      workspaceId,
      userId,
      role: Role.ProjectViewer,
      status: status as MembershipStatus,
      deleted: status === 'left',
    });
    if (!accepted) {
      await this.deps.dataSource.getRepository(Membership).update({ id: viewer.membership.id }, { activatedAt: null });
      viewer.membership.activatedAt = null;
    }
    for (const projectId of projects) await this.projects.assignViewer(projectId, viewer.userId);
    return viewer;
  }
}
