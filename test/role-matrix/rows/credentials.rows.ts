import { expect } from '@jest/globals';
import type { CallerKey, CellContext, CellResponses, MatrixRow, Outcome, ScopedRecords } from '../matrix.types';

/**
 * The credential extensions (README "Personal access tokens", "OAuth2"): any authenticated user manages their
 * own credentials, outside any workspace, so membership plays no part; "An OAuth access token gets 403 there
 * whatever its scope". Decision (README "Personal access tokens"): credential management is member/credential
 * administration, so every credential operation, reads included, needs the `admin` scope; a read-only token
 * cannot even enumerate an account's integrations.
 */
const anyUser = (success: Outcome, readOnly: Outcome): Record<CallerKey, Outcome> => ({
  Owner: success,
  'Executive manager': success,
  'Team manager': success,
  'Project manager': success,
  'Regular User': success,
  'Project viewer': success,
  'non-member': success,
  'foreign member': success,
  'inactive member': success,
  'blocked member': success,
  'read-only token': readOnly,
  'OAuth token': '403',
});

const BASIS =
  'README: credentials extensions, a PAT only (OAuth tokens 403), own records only; every credential operation needs admin (decision, README)';

async function personalAccessTokens({ f, caller }: CellContext): Promise<ScopedRecords> {
  const stranger = await f.users.create();
  return {
    inScope: [(await f.tokens.create({ userId: caller.userId, name: 'mine' })).tokenId],
    outOfScope: [(await f.tokens.create({ userId: stranger.id, name: 'theirs' })).tokenId],
  };
}

async function oauthApps({ f, caller }: CellContext): Promise<ScopedRecords> {
  const stranger = await f.users.create();
  return {
    inScope: [(await f.oauthApps.create({ ownerId: caller.userId })).client.clientId],
    outOfScope: [(await f.oauthApps.create({ ownerId: stranger.id })).client.clientId],
  };
}

/** Exactly the records answered 2xx were changed (`changed` reads the column that says so). */
const changedExactlyWhereAllowed =
  (table: 'personal_access_tokens' | 'oauth_clients', key: 'id' | 'client_id', column: 'revoked_at' | 'deleted_at') =>
  async ({ dataSource }: CellContext, responses: CellResponses): Promise<void> => {
    for (const [id, response] of responses.byRecord) {
      const rows: Record<string, unknown>[] = await dataSource.query(`SELECT ${column} FROM ${table} WHERE ${key} = $1`, [id]);
      if (response.status === 200) expect(rows[0][column]).toBeInstanceOf(Date);
      else expect(rows[0][column]).toBeNull();
    }
  };

const createdName = ({ caller }: CellContext): string => `Created by ${caller.key} ${caller.userId}`;

const createdExactlyWhenAllowed =
  (table: 'personal_access_tokens' | 'oauth_clients') =>
  async (ctx: CellContext, { response }: CellResponses): Promise<void> => {
    const rows: { user_id: number }[] = await ctx.dataSource.query(`SELECT user_id FROM ${table} WHERE name = $1`, [createdName(ctx)]);
    expect(rows).toEqual(response?.status === 201 ? [{ user_id: ctx.caller.userId }] : []);
  };

export const CREDENTIALS_ROWS: MatrixRow[] = [
  {
    operationId: 'listPersonalAccessTokens',
    method: 'GET',
    path: '/personal-access-tokens',
    workspaceScoped: false,
    kind: 'list',
    basis: BASIS,
    records: personalAccessTokens,
    listedIds: ({ data }) => (data as { id: number }[]).map((token) => token.id),
    expect: anyUser('200 own', '403 scope'),
  },
  {
    operationId: 'createPersonalAccessToken',
    method: 'POST',
    path: '/personal-access-tokens',
    workspaceScoped: false,
    kind: 'create',
    basis: BASIS,
    body: (ctx) => ({ name: createdName(ctx) }),
    expect: anyUser('201', '403 scope'),
    verify: createdExactlyWhenAllowed('personal_access_tokens'),
  },
  {
    operationId: 'revokePersonalAccessToken',
    method: 'DELETE',
    path: '/personal-access-tokens/{tokenId}',
    workspaceScoped: false,
    kind: 'record',
    basis: BASIS,
    records: personalAccessTokens,
    expect: anyUser('200 own', '403 scope'),
    verify: changedExactlyWhereAllowed('personal_access_tokens', 'id', 'revoked_at'),
  },
  {
    operationId: 'listOAuthApps',
    method: 'GET',
    path: '/oauth-apps',
    workspaceScoped: false,
    kind: 'list',
    basis: BASIS,
    records: oauthApps,
    listedIds: ({ data }) => (data as { client_id: string }[]).map((app) => app.client_id),
    expect: anyUser('200 own', '403 scope'),
  },
  {
    operationId: 'createOAuthApp',
    method: 'POST',
    path: '/oauth-apps',
    workspaceScoped: false,
    kind: 'create',
    basis: BASIS,
    body: (ctx) => ({ name: createdName(ctx), grant_type: 'authorization_code', redirect_uris: ['https://example.com/callback'] }),
    expect: anyUser('201', '403 scope'),
    verify: createdExactlyWhenAllowed('oauth_clients'),
  },
  {
    operationId: 'deleteOAuthApp',
    method: 'DELETE',
    path: '/oauth-apps/{clientId}',
    workspaceScoped: false,
    kind: 'record',
    basis: BASIS,
    records: oauthApps,
    expect: anyUser('200 own', '403 scope'),
    verify: changedExactlyWhereAllowed('oauth_clients', 'client_id', 'deleted_at'),
  },
];
