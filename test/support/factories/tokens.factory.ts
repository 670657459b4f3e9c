import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_PREFIX, generateSecret, hashSecret, OAuthToken, PersonalAccessToken, REFRESH_TOKEN_PREFIX, Scope } from '@app/auth';
import { FactoryDeps } from './factory-deps';
import { OAuthAppsFactory } from './oauth-apps.factory';

export type TokenKind = 'personal_access_token' | 'oauth';

/** `'read'` or `Scope.Read`. */
export type ScopeName = `${Scope}`;

export interface CreateTokenInput {
  userId: number;
  /** Default `read write admin` (what every PAT carries, auth.md). */
  scopes?: ScopeName[];
  /** Default a personal access token; `oauth` is an access token issued to an app the user registered. */
  kind?: TokenKind;
  /** OAuth only: how the token was obtained (client-credentials tokens are rate-limited per app). */
  grant?: 'authorization_code' | 'client_credentials';
  expired?: boolean;
  revoked?: boolean;
  name?: string;
}

export interface TestToken {
  token: string;
  /** The row id in personal_access_tokens or oauth_tokens (see `kind`). */
  tokenId: number;
  kind: TokenKind;
  scopes: ScopeName[];
}

const ALL_SCOPES: ScopeName[] = [Scope.Read, Scope.Write, Scope.Admin];
const OAUTH_ACCESS_TTL_MS = 15 * 86_400_000;
const OAUTH_REFRESH_TTL_MS = 30 * 86_400_000;

/** Bearer tokens with chosen scopes and states, stored exactly as the server stores them (hashes only). */
export class TokensFactory {
  constructor(
    private readonly deps: FactoryDeps,
    private readonly oauthApps: OAuthAppsFactory,
  ) {}

  async create({
    userId,
    scopes = ALL_SCOPES,
    kind = 'personal_access_token',
    grant,
    expired,
    revoked,
    name,
  }: CreateTokenInput): Promise<TestToken> {
    const created =
      kind === 'personal_access_token'
        ? await this.personalAccessToken(userId, scopes, name ?? 'test')
        : await this.oauthAccessToken(userId, scopes, grant ?? 'authorization_code');
    if (expired) await this.expire(created);
    if (revoked) await this.revoke(created);
    return created;
  }

  async expire({ kind, tokenId }: Pick<TestToken, 'kind' | 'tokenId'>): Promise<void> {
    const past = new Date(Date.now() - 1000);
    if (kind === 'personal_access_token') {
      await this.deps.dataSource.getRepository(PersonalAccessToken).update({ id: tokenId }, { expiresAt: past });
    } else {
      await this.deps.dataSource.getRepository(OAuthToken).update({ id: tokenId }, { accessTokenExpiresAt: past });
    }
  }

  async revoke({ kind, tokenId }: Pick<TestToken, 'kind' | 'tokenId'>): Promise<void> {
    const repository = this.deps.dataSource.getRepository(kind === 'personal_access_token' ? PersonalAccessToken : OAuthToken);
    const generation = this.deps.authCache.generation;
    await repository.update({ id: tokenId }, { revokedAt: new Date() });
    // A revocation in SQL reaches the app's authentication cache by NOTIFY, a moment after the commit: wait for it,
    // so the next request tests the refusal, not the notification's latency (≤ 1 s, auth-cache.e2e-spec).
    const deadline = Date.now() + 2000;
    while (this.deps.authCache.serving && this.deps.authCache.generation === generation && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private async personalAccessToken(userId: number, scopes: ScopeName[], name: string): Promise<TestToken> {
    // The real issuing path (hashing, lifetime); only the scopes column is then narrowed.
    const { token, record } = await this.deps.tokenService.createPersonalAccessToken(userId, name);
    const stored = scopes.join(' ');
    if (stored !== record.scopes)
      await this.deps.dataSource.getRepository(PersonalAccessToken).update({ id: record.id }, { scopes: stored });
    return { token, tokenId: record.id, kind: 'personal_access_token', scopes };
  }

  private async oauthAccessToken(
    userId: number,
    scopes: ScopeName[],
    grant: 'authorization_code' | 'client_credentials',
  ): Promise<TestToken> {
    const { client } = await this.oauthApps.create(
      grant === 'client_credentials' ? { ownerId: userId, grantType: 'client_credentials', redirectUris: [] } : { ownerId: userId },
    );
    const token = generateSecret(ACCESS_TOKEN_PREFIX);
    const refreshToken = grant === 'authorization_code' ? generateSecret(REFRESH_TOKEN_PREFIX) : null;
    const repository = this.deps.dataSource.getRepository(OAuthToken);
    const row = repository.create({
      accessTokenHash: hashSecret(token),
      accessTokenExpiresAt: new Date(Date.now() + OAUTH_ACCESS_TTL_MS),
      refreshTokenHash: refreshToken ? hashSecret(refreshToken) : null,
      refreshTokenExpiresAt: refreshToken ? new Date(Date.now() + OAUTH_REFRESH_TTL_MS) : null,
      scope: scopes.join(' '),
      familyId: randomUUID(),
      grantType: grant,
      clientId: client.id,
      userId,
    });
    await repository.insert(row);
    return { token, tokenId: row.id, kind: 'oauth', scopes };
  }
}
