import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Membership, MembershipStatus, OAuthClient, PersonalAccessToken, Role, TokenService, User, Workspace } from '@app/auth';
import { DataSource } from 'typeorm';
import { Contract } from '../../apps/api/src/modules/contracts/contract.entity';
import { OAuthClientsService, RegisteredClient, RegisterClientInput } from '../../apps/api/src/modules/oauth/oauth-clients.service';
import { SignInService } from '../../apps/api/src/modules/oauth/sign-in.service';
import { ProjectViewerAssignment } from '../../apps/api/src/modules/project-viewers/project-viewer-assignment.entity';
import { ProjectManager } from '../../apps/api/src/modules/projects/project-manager.entity';
import { Project } from '../../apps/api/src/modules/projects/project.entity';
import { Tag } from '../../apps/api/src/modules/projects/tag.entity';
import { TeamMember } from '../../apps/api/src/modules/teams/team-member.entity';
import { Team } from '../../apps/api/src/modules/teams/team.entity';

export interface TestMember {
  userId: number;
  token: string;
  tokenId: number;
  workspaceId: number;
  role: Role;
}

export interface TestWorkspace {
  id: number;
  owner: TestMember;
}

const unique = (): string => randomBytes(5).toString('hex');

/** Builds rows directly, so every test makes exactly the data it needs. */
export class Factories {
  private readonly dataSource: DataSource;
  private readonly tokens: TokenService;
  private readonly signIn: SignInService;
  private readonly clients: OAuthClientsService;

  constructor(app: INestApplication) {
    this.dataSource = app.get(DataSource);
    this.tokens = app.get(TokenService);
    this.signIn = app.get(SignInService);
    this.clients = app.get(OAuthClientsService);
  }

  async user(overrides: Partial<User> = {}): Promise<User> {
    const repository = this.dataSource.getRepository(User);
    const user = repository.create({ email: `user-${unique()}@example.com`, firstname: 'Test', lastname: 'User', ...overrides });
    await repository.insert(user);
    return user;
  }

  async token(userId: number): Promise<{ token: string; tokenId: number }> {
    const { token, record } = await this.tokens.createPersonalAccessToken(userId, 'test');
    return { token, tokenId: record.id };
  }

  async workspace(): Promise<TestWorkspace> {
    const owner = await this.user();
    const workspace = this.dataSource.getRepository(Workspace).create({ name: `Workspace ${unique()}`, ownerId: owner.id });
    await this.dataSource.getRepository(Workspace).insert(workspace);
    const member = await this.addMembership(workspace.id, owner.id, Role.Owner, { rateStatus: 1 });
    return { id: workspace.id, owner: member };
  }

  async member(workspaceId: number, role: Role, options: { rateStatus?: number; status?: MembershipStatus } = {}): Promise<TestMember> {
    const user = await this.user();
    return this.addMembership(workspaceId, user.id, role, options);
  }

  async addMembership(
    workspaceId: number,
    userId: number,
    role: Role,
    options: { rateStatus?: number; status?: MembershipStatus } = {},
  ): Promise<TestMember> {
    await this.dataSource.getRepository(Membership).insert({
      workspaceId,
      userId,
      role,
      status: options.status ?? MembershipStatus.Active,
      rateStatus: options.rateStatus ?? 0,
      activatedAt: new Date(),
    });
    const { token, tokenId } = await this.token(userId);
    return { userId, token, tokenId, workspaceId, role };
  }

  async project(workspaceId: number, overrides: Partial<Project> = {}): Promise<Project> {
    const repository = this.dataSource.getRepository(Project);
    const project = repository.create({ workspaceId, name: `Project ${unique()}`, ...overrides });
    await repository.insert(project);
    return project;
  }

  async contract(workspaceId: number, projectId: number, userId: number, status: 'active' | 'paused' = 'active'): Promise<Contract> {
    const repository = this.dataSource.getRepository(Contract);
    const contract = repository.create({ workspaceId, projectId, userId, status });
    await repository.insert(contract);
    return contract;
  }

  async team(workspaceId: number, managerId: number, memberIds: number[]): Promise<Team> {
    const team = this.dataSource.getRepository(Team).create({ workspaceId, name: `Team ${unique()}` });
    await this.dataSource.getRepository(Team).insert(team);
    await this.dataSource
      .getRepository(TeamMember)
      .insert([
        { teamId: team.id, userId: managerId, isManager: true },
        ...memberIds.map((userId) => ({ teamId: team.id, userId, isManager: false })),
      ]);
    return team;
  }

  async projectManager(projectId: number, userId: number): Promise<void> {
    await this.dataSource.getRepository(ProjectManager).insert({ projectId, userId });
  }

  async viewerAssignment(projectId: number, userId: number): Promise<void> {
    await this.dataSource.getRepository(ProjectViewerAssignment).insert({ projectId, userId });
  }

  async tag(workspaceId: number, projectId: number, name: string, color: string | null): Promise<Tag> {
    const tag = this.dataSource.getRepository(Tag).create({ workspaceId, name, color });
    await this.dataSource.getRepository(Tag).insert(tag);
    await this.dataSource.query('INSERT INTO project_tags (project_id, tag_id) VALUES ($1, $2)', [projectId, tag.id]);
    return tag;
  }

  async password(userId: number, password: string): Promise<void> {
    await this.signIn.setPassword(userId, password);
  }

  /** `clientId` replaces the random client id, for config that must name the client before it exists. */
  async oauthApp(
    ownerId: number,
    input: Partial<RegisterClientInput> = {},
    { clientId }: { clientId?: string } = {},
  ): Promise<RegisteredClient> {
    const registered = await this.clients.register(ownerId, {
      name: 'Test App',
      redirectUris: ['http://127.0.0.1:9/callback'],
      grantType: 'authorization_code',
      confidential: true,
      ...input,
    });
    if (clientId) {
      await this.dataSource.getRepository(OAuthClient).update({ id: registered.client.id }, { clientId });
      registered.client.clientId = clientId;
    }
    return registered;
  }

  async expireToken(tokenId: number): Promise<void> {
    await this.dataSource.getRepository(PersonalAccessToken).update({ id: tokenId }, { expiresAt: new Date(Date.now() - 1000) });
  }

  async revokeToken(tokenId: number): Promise<void> {
    await this.dataSource.getRepository(PersonalAccessToken).update({ id: tokenId }, { revokedAt: new Date() });
  }
}
