import { Role } from '@app/auth';
import type { Factories, TestWorkspace } from '../support/factories';
import type { Caller, CallerKey } from './matrix.types';

type Build = (f: Factories, workspace: TestWorkspace) => Promise<Omit<Caller, 'key'>>;

const asMember =
  (role: Role): Build =>
  async (f, workspace) => {
    if (role === Role.Owner) return owner(workspace.owner.token)(workspace);
    const member = await f.members.create({ workspaceId: workspace.id, role });
    return { userId: member.userId, token: member.token, workspaceId: workspace.id, liveRole: role, liveWorkspaceIds: [workspace.id] };
  };

const owner =
  (token: string) =>
  (workspace: TestWorkspace): Omit<Caller, 'key'> => ({
    userId: workspace.owner.userId,
    token,
    workspaceId: workspace.id,
    liveRole: Role.Owner,
    liveWorkspaceIds: [workspace.id],
  });

/** A membership in A that is not live: the guard must refuse it like no membership at all (auth.md). */
const deadMember =
  (membership: { status?: 'inactive'; blocked?: boolean }): Build =>
  async (f, workspace) => {
    const member = await f.members.create({ workspaceId: workspace.id, role: Role.ExecutiveManager, ...membership });
    return { userId: member.userId, token: member.token, workspaceId: workspace.id, liveRole: null, liveWorkspaceIds: [] };
  };

const BUILDERS: Record<CallerKey, Build> = {
  Owner: asMember(Role.Owner),
  'Executive manager': asMember(Role.ExecutiveManager),
  'Team manager': asMember(Role.TeamManager),
  'Project manager': asMember(Role.ProjectManager),
  'Regular User': asMember(Role.RegularUser),
  'Project viewer': asMember(Role.ProjectViewer),
  'non-member': async (f, workspace) => {
    const user = await f.users.create();
    const { token } = await f.tokens.create({ userId: user.id });
    return { userId: user.id, token, workspaceId: workspace.id, liveRole: null, liveWorkspaceIds: [] };
  },
  'foreign member': async (f) => {
    const own = await f.workspaces.create();
    return { userId: own.owner.userId, token: own.owner.token, workspaceId: own.id, liveRole: null, liveWorkspaceIds: [own.id] };
  },
  'inactive member': deadMember({ status: 'inactive' }),
  'blocked member': deadMember({ blocked: true }),
  'read-only token': async (f, workspace) =>
    owner((await f.tokens.create({ userId: workspace.owner.userId, scopes: ['read'] })).token)(workspace),
  'OAuth token': async (f, workspace) => owner((await f.tokens.create({ userId: workspace.owner.userId, kind: 'oauth' })).token)(workspace),
};

export async function buildCaller(key: CallerKey, f: Factories, workspace: TestWorkspace): Promise<Caller> {
  return { key, ...(await BUILDERS[key](f, workspace)) };
}

/** Column headers of the printed table. */
export const SHORT_NAMES: Record<CallerKey, string> = {
  Owner: 'OW',
  'Executive manager': 'EM',
  'Team manager': 'TM',
  'Project manager': 'PM',
  'Regular User': 'RU',
  'Project viewer': 'PV',
  'non-member': 'nonmem',
  'foreign member': 'foreign',
  'inactive member': 'inactive',
  'blocked member': 'blocked',
  'read-only token': 'ro-PAT',
  'OAuth token': 'OAuth',
};
