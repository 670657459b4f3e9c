import type { INestApplication } from '@nestjs/common';
import { AuthCache, MembershipStatus, Role, TokenService, User } from '@app/auth';
import { DataSource } from 'typeorm';
import { Contract } from '../../apps/api/src/modules/contracts/contract.entity';
import { OAuthClientsService, RegisteredClient, RegisterClientInput } from '../../apps/api/src/modules/oauth/oauth-clients.service';
import { SignInService } from '../../apps/api/src/modules/oauth/sign-in.service';
import { Project } from '../../apps/api/src/modules/projects/project.entity';
import { Tag } from '../../apps/api/src/modules/projects/tag.entity';
import { Team } from '../../apps/api/src/modules/teams/team.entity';
import { ContractsFactory } from './factories/contracts.factory';
import { FactoryDeps } from './factories/factory-deps';
import { MembersFactory, TestMember } from './factories/members.factory';
import { OAuthAppsFactory } from './factories/oauth-apps.factory';
import { ProjectsFactory } from './factories/projects.factory';
import { TasksFactory } from './factories/tasks.factory';
import { TeamsFactory } from './factories/teams.factory';
import { TimeEntriesFactory } from './factories/time-entries.factory';
import { TokensFactory } from './factories/tokens.factory';
import { UsersFactory } from './factories/users.factory';
import { ViewersFactory } from './factories/viewers.factory';
import { TestWorkspace, WorkspacesFactory } from './factories/workspaces.factory';

export type { TestMember } from './factories/members.factory';
export type { TestWorkspace } from './factories/workspaces.factory';
export type { TestToken } from './factories/tokens.factory';

/**
 * Builds rows directly, so every test makes exactly the data it needs. New tests use the per-domain factories
 * with object arguments (`t.factories.members.create({ workspaceId, role })`, test/support/factories/*); the
 * positional methods below are the older spelling of the same thing and stay for the suites that use them.
 */
export class Factories {
  readonly users: UsersFactory;
  readonly tokens: TokensFactory;
  readonly oauthApps: OAuthAppsFactory;
  readonly members: MembersFactory;
  readonly workspaces: WorkspacesFactory;
  readonly teams: TeamsFactory;
  readonly projects: ProjectsFactory;
  readonly contracts: ContractsFactory;
  readonly tasks: TasksFactory;
  readonly viewers: ViewersFactory;
  readonly timeEntries: TimeEntriesFactory;

  constructor(app: INestApplication) {
    const deps: FactoryDeps = {
      dataSource: app.get(DataSource),
      tokenService: app.get(TokenService),
      signIn: app.get(SignInService),
      clients: app.get(OAuthClientsService),
      authCache: app.get(AuthCache),
    };
    this.users = new UsersFactory(deps);
    this.oauthApps = new OAuthAppsFactory(deps);
    this.tokens = new TokensFactory(deps, this.oauthApps);
    this.members = new MembersFactory(deps, this.users, this.tokens);
    this.workspaces = new WorkspacesFactory(deps, this.users, this.members);
    this.teams = new TeamsFactory(deps);
    this.projects = new ProjectsFactory(deps);
    this.contracts = new ContractsFactory(deps);
    this.tasks = new TasksFactory(deps);
    this.viewers = new ViewersFactory(deps, this.members, this.projects);
    this.timeEntries = new TimeEntriesFactory(deps);
  }

  user(overrides: Partial<User> = {}): Promise<User> {
    return this.users.create(overrides);
  }

  async token(userId: number): Promise<{ token: string; tokenId: number }> {
    const { token, tokenId } = await this.tokens.create({ userId });
    return { token, tokenId };
  }

  workspace(): Promise<TestWorkspace> {
    return this.workspaces.create();
  }

  member(workspaceId: number, role: Role, options: { rateStatus?: number; status?: MembershipStatus } = {}): Promise<TestMember> {
    return this.members.create({ workspaceId, role, ...options });
  }

  addMembership(
    workspaceId: number,
    userId: number,
    role: Role,
    options: { rateStatus?: number; status?: MembershipStatus } = {},
  ): Promise<TestMember> {
    return this.members.create({ workspaceId, role, userId, ...options });
  }

  project(workspaceId: number, overrides: Partial<Project> = {}): Promise<Project> {
    return this.projects.create({ workspaceId, ...overrides });
  }

  contract(workspaceId: number, projectId: number, userId: number, status: 'active' | 'paused' = 'active'): Promise<Contract> {
    return this.contracts.create({ workspaceId, projectId, userId, status });
  }

  team(workspaceId: number, managerId: number, memberIds: number[]): Promise<Team> {
    return this.teams.create({ workspaceId, manager: managerId, members: memberIds });
  }

  projectManager(projectId: number, userId: number): Promise<void> {
    return this.projects.addManager(projectId, userId);
  }

  viewerAssignment(projectId: number, userId: number): Promise<void> {
    return this.projects.assignViewer(projectId, userId);
  }

  tag(workspaceId: number, projectId: number, name: string, color: string | null): Promise<Tag> {
    return this.projects.tag({ id: projectId, workspaceId }, name, color);
  }

  password(userId: number, password: string): Promise<void> {
    return this.users.setPassword(userId, password);
  }

  oauthApp(ownerId: number, input: Partial<RegisterClientInput> = {}, { clientId }: { clientId?: string } = {}): Promise<RegisteredClient> {
    return this.oauthApps.create({ ownerId, clientId, ...input });
  }

  expireToken(tokenId: number): Promise<void> {
    return this.tokens.expire({ kind: 'personal_access_token', tokenId });
  }

  revokeToken(tokenId: number): Promise<void> {
    return this.tokens.revoke({ kind: 'personal_access_token', tokenId });
  }
}
