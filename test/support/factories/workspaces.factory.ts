import { Workspace } from '@app/auth';
import { FactoryDeps, unique, UserRef, userIdOf } from './factory-deps';
import { MembersFactory, TestMember } from './members.factory';
import { UsersFactory } from './users.factory';

export interface TestWorkspace {
  id: number;
  owner: TestMember;
}

export interface CreateWorkspaceInput {
  name?: string;
  /** An existing user as owner; a new user by default. */
  owner?: UserRef;
  /** The owner membership's rate_status (default 1; the Owner may view rates either way, roles.md). */
  ownerRateStatus?: 0 | 1;
  blocked?: boolean;
  deleted?: boolean;
}

/** A workspace with its Owner membership and a personal access token for the owner. */
export class WorkspacesFactory {
  constructor(
    private readonly deps: FactoryDeps,
    private readonly users: UsersFactory,
    private readonly members: MembersFactory,
  ) {}

  async create({ name, owner, ownerRateStatus = 1, blocked = false, deleted = false }: CreateWorkspaceInput = {}): Promise<TestWorkspace> {
    const ownerId = owner === undefined ? (await this.users.create()).id : userIdOf(owner);
    const repository = this.deps.dataSource.getRepository(Workspace);
    const workspace = repository.create({
      name: name ?? `Workspace ${unique()}`,
      ownerId,
      isBlocked: blocked,
      deletedAt: deleted ? new Date() : null,
    });
    await repository.insert(workspace);
    const member = await this.members.create({ workspaceId: workspace.id, role: 'Owner', userId: ownerId, rateStatus: ownerRateStatus });
    return { id: workspace.id, owner: member };
  }
}
