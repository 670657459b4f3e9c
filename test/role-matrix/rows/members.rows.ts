import { expect } from '@jest/globals';
import type { CellContext, CellResponses, MatrixRow, RecordId } from '../matrix.types';
import { administrableMembers, personScope } from '../person-scope';

const succeeded = (responses: CellResponses, id: RecordId): boolean => {
  const status = responses.byRecord.get(id)?.status ?? 0;
  return status >= 200 && status < 300;
};

const memberColumn = async ({ dataSource, workspace }: CellContext, id: RecordId, column: 'status'): Promise<unknown> => {
  const rows: Record<string, unknown>[] = await dataSource.query(
    `SELECT ${column} FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`,
    [workspace.id, id],
  );
  return rows[0]?.[column];
};

const invitedEmail = ({ caller, workspace }: CellContext): string =>
  `matrix-${workspace.id}-${caller.key.replace(/\W+/g, '-').toLowerCase()}-${caller.userId}@example.com`;
const RENAMED = 'Renamed by the role matrix';

/** roles.md "listMembers, getMember": OW, EM ✓; TM, PM person scope; RU, PV self. Outside it: 404 (conventions.md). */
const READ = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '200 scope',
  'Project manager': '200 scope',
  'Regular User': '200 scope',
  'Project viewer': '200 scope',
  'non-member': '403 member',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '200 all',
  'OAuth token': '200 all',
} as const;

/** roles.md "inviteMember", "updateMember, archiveMember", "createProjectViewer": OW, EM ✓, everyone else ✗; auth.md: admin. */
const ADMIN = {
  Owner: '200 all',
  'Executive manager': '200 all',
  'Team manager': '403 role',
  'Project manager': '403 role',
  'Regular User': '403 role',
  'Project viewer': '403 role',
  'non-member': '403 member',
  'foreign member': '404',
  'inactive member': '403 member',
  'blocked member': '403 member',
  'read-only token': '403 scope',
  'OAuth token': '200 all',
} as const;

/** The foreign member is the Owner of the workspace they name, so they invite there. */
const CREATE = { ...ADMIN, Owner: '201', 'Executive manager': '201', 'foreign member': '201', 'OAuth token': '201' } as const;

const verifyInvited =
  (role: string) =>
  async (ctx: CellContext, { response }: CellResponses): Promise<void> => {
    const rows: { workspace_id: number; role: string; status: string }[] = await ctx.dataSource.query(
      'SELECT m.workspace_id, m.role, m.status FROM workspace_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1',
      [invitedEmail(ctx)],
    );
    expect(rows).toEqual(response?.status === 201 ? [{ workspace_id: ctx.caller.workspaceId, role, status: 'inactive' }] : []);
  };

export const MEMBERS_ROWS: MatrixRow[] = [
  {
    operationId: 'listMembers',
    method: 'GET',
    path: '/members',
    workspaceScoped: true,
    kind: 'list',
    query: 'per_page=100',
    basis: 'roles.md listMembers (person scope); members.md; auth.md: read',
    records: personScope,
    listedIds: ({ data }) => (data as { id: number }[]).map((member) => member.id),
    // The foreign member lists their own workspace: none of A's members.
    expect: { ...READ, 'foreign member': '200 none' },
  },
  {
    operationId: 'getMember',
    method: 'GET',
    path: '/members/{memberId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md getMember (person scope; outside it 404); conventions.md: another workspace’s id is 404; auth.md: read',
    records: personScope,
    expect: { ...READ, 'foreign member': '404' },
  },
  {
    operationId: 'inviteMember',
    method: 'POST',
    path: '/members',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md inviteMember: OW, EM [documented]; members.md: admin scope',
    body: (ctx) => ({ email: invitedEmail(ctx), firstname: 'Matrix', lastname: 'Invitee', role: 'Regular User' }),
    expect: CREATE,
    verify: verifyInvited('Regular User'),
  },
  {
    operationId: 'updateMember',
    method: 'PUT',
    path: '/members/{memberId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md updateMember: OW, EM; conventions.md: role 403 before 404; members.md: admin scope',
    records: administrableMembers,
    body: () => ({ firstname: RENAMED }),
    expect: ADMIN,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const [{ firstname }]: { firstname: string }[] = await ctx.dataSource.query('SELECT firstname FROM users WHERE id = $1', [id]);
        if (succeeded(responses, id)) expect(firstname).toBe(RENAMED);
        else expect(firstname).not.toBe(RENAMED);
      }
    },
  },
  {
    operationId: 'archiveMember',
    method: 'DELETE',
    path: '/members/{memberId}',
    workspaceScoped: true,
    kind: 'record',
    basis: 'roles.md archiveMember: OW, EM [documented in product help]; members.md: admin scope',
    records: administrableMembers,
    expect: ADMIN,
    verify: async (ctx, responses) => {
      for (const id of responses.byRecord.keys()) {
        const status = await memberColumn(ctx, id, 'status');
        expect(status).toBe(succeeded(responses, id) ? 'left' : 'active');
      }
    },
  },
  {
    operationId: 'createProjectViewer',
    method: 'POST',
    path: '/project-viewers',
    workspaceScoped: true,
    kind: 'create',
    basis: 'roles.md createProjectViewer: OW, EM [documented]; project-viewers.md: admin scope',
    body: (ctx) => ({ email: invitedEmail(ctx), firstname: 'Matrix', lastname: 'Viewer' }),
    expect: CREATE,
    verify: verifyInvited('Project viewer'),
  },
];
