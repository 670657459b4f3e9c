import { AuthCache } from '@app/auth';
import { randomUUID } from 'node:crypto';
import OAuth2Server from '@node-oauth/oauth2-server';
import {
  ACCESS_TOKEN_PREFIX,
  generateSecret,
  hashSecret,
  OAuthAuthorizationCode,
  OAuthClient,
  OAuthToken,
  parseScopes,
  REFRESH_TOKEN_PREFIX,
  Scope,
} from '@app/auth';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { clientSecretAccepted } from './oauth-clients.service';

type Client = OAuth2Server.Client;
type User = OAuth2Server.User;
type Token = OAuth2Server.Token;
type RefreshToken = OAuth2Server.RefreshToken;
type AuthorizationCode = OAuth2Server.AuthorizationCode;

/**
 * The user the library carries between calls; `familyId` links every token descending from one authorization
 * (the code's token family, kept through each refresh rotation).
 */
interface GrantUser extends User {
  id: number;
  familyId?: string;
  viaClientCredentials?: boolean;
}

const SUPPORTED_SCOPES = Object.values(Scope) as string[];

export function toClient(row: OAuthClient): Client {
  return {
    id: row.clientId,
    dbId: row.id,
    name: row.name,
    grants: row.grants,
    redirectUris: row.redirectUris,
    isPublic: row.secretHash === null,
  };
}

/**
 * Storage for @node-oauth/oauth2-server in our PostgreSQL. Every secret it sees (client secret, code,
 * access and refresh token) is stored and looked up as a SHA-256 hash and compared in constant time.
 */
export class OAuthModel
  implements OAuth2Server.AuthorizationCodeModel, OAuth2Server.RefreshTokenModel, OAuth2Server.ClientCredentialsModel
{
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: AuthCache,
  ) {}

  /**
   * This process stops serving revoked access tokens at once; the NOTIFY trigger tells the others (and this one,
   * a little later: a request arriving before it must not be served from the cache).
   */
  private evict(rows: { access_token_hash: string }[]): void {
    for (const row of rows) this.cache.invalidate({ kind: 'token', hash: row.access_token_hash });
  }

  /**
   * The library calls this with `null` from the authorize endpoint (a lookup: no client authentication happens
   * there) and with the presented secret, or `undefined`, from the token endpoint.
   */
  async getClient(clientId: string, clientSecret: string | null | undefined): Promise<Client | false> {
    const row = await this.dataSource.getRepository(OAuthClient).findOneBy({ clientId, deletedAt: IsNull() });
    if (!row) return false;
    if (clientSecret === null) return toClient(row);
    return clientSecretAccepted(row, clientSecret) ? toClient(row) : false;
  }

  async generateAccessToken(): Promise<string> {
    return generateSecret(ACCESS_TOKEN_PREFIX);
  }

  async generateRefreshToken(): Promise<string> {
    return generateSecret(REFRESH_TOKEN_PREFIX);
  }

  async generateAuthorizationCode(): Promise<string> {
    return generateSecret('');
  }

  async validateScope(_user: User, _client: Client, scope?: string[]): Promise<string[] | false> {
    const requested = scope && scope.length > 0 ? scope : [Scope.Read];
    return requested.every((s) => SUPPORTED_SCOPES.includes(s)) ? [...new Set(requested)] : false;
  }

  async saveAuthorizationCode(
    code: Pick<AuthorizationCode, 'authorizationCode' | 'expiresAt' | 'redirectUri' | 'scope' | 'codeChallenge' | 'codeChallengeMethod'>,
    client: Client,
    user: User,
  ): Promise<AuthorizationCode> {
    await this.dataSource.getRepository(OAuthAuthorizationCode).insert({
      codeHash: hashSecret(code.authorizationCode),
      clientId: client.dbId as number,
      userId: (user as GrantUser).id,
      redirectUri: code.redirectUri,
      scope: (code.scope ?? []).join(' '),
      codeChallenge: code.codeChallenge ?? null,
      codeChallengeMethod: code.codeChallengeMethod ?? null,
      expiresAt: code.expiresAt,
      tokenFamily: randomUUID(),
    });
    return { ...code, client, user };
  }

  async getAuthorizationCode(authorizationCode: string): Promise<AuthorizationCode | false> {
    const row = await this.dataSource
      .getRepository(OAuthAuthorizationCode)
      .findOne({ where: { codeHash: hashSecret(authorizationCode) }, relations: { client: true } });
    if (!row) return false;
    if (row.usedAt) {
      await this.refuseReusedCode(row.codeHash);
      return false;
    }
    if (!row.client || row.client.deletedAt) return false;
    return {
      authorizationCode,
      expiresAt: row.expiresAt,
      redirectUri: row.redirectUri,
      scope: parseScopes(row.scope),
      client: toClient(row.client),
      user: { id: row.userId, familyId: row.tokenFamily } satisfies GrantUser,
      codeChallenge: row.codeChallenge ?? undefined,
      codeChallengeMethod: row.codeChallengeMethod ?? undefined,
    };
  }

  /** Single use: only the first of two concurrent exchanges can mark the code used; the other is a reuse. */
  async revokeAuthorizationCode(code: AuthorizationCode): Promise<boolean> {
    const codeHash = hashSecret(code.authorizationCode);
    const result = await this.dataSource
      .getRepository(OAuthAuthorizationCode)
      .update({ codeHash, usedAt: IsNull() }, { usedAt: new Date() });
    if ((result.affected ?? 0) > 0) return true;
    await this.refuseReusedCode(codeHash);
    return false;
  }

  /**
   * RFC 6749 §4.1.2: a code presented after its first use revokes every token issued from it. The row lock
   * orders this against a first exchange still saving its tokens (saveToken holds the same row): either that
   * exchange sees `reused_at` and issues nothing, or its tokens are committed before the revocation runs.
   */
  private async refuseReusedCode(codeHash: string): Promise<void> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE oauth_authorization_codes SET reused_at = COALESCE(reused_at, now()) WHERE code_hash = $1 RETURNING token_family`,
        [codeHash],
      )) as [{ token_family: string }[], number];
      if (!rows[0]) return [];
      // A statement of its own, so it sees tokens committed while the UPDATE above waited for the lock.
      const [tokens] = (await manager.query(
        'UPDATE oauth_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING access_token_hash',
        [rows[0].token_family],
      )) as [{ access_token_hash: string }[], number];
      return tokens;
    });
    this.evict(revoked);
  }

  async saveToken(token: Token, client: Client, user: User): Promise<Token> {
    if (typeof token.authorizationCode !== 'string') {
      await this.insertToken(this.dataSource.manager, token, client, user as GrantUser);
      return { ...token, client, user };
    }
    const codeHash = hashSecret(token.authorizationCode);
    await this.dataSource.transaction(async (manager) => {
      const [code] = (await manager.query('SELECT reused_at FROM oauth_authorization_codes WHERE code_hash = $1 FOR UPDATE', [
        codeHash,
      ])) as { reused_at: Date | null }[];
      if (!code || code.reused_at) throw new OAuth2Server.InvalidGrantError('Invalid grant: authorization code is invalid');
      await this.insertToken(manager, token, client, user as GrantUser);
    });
    return { ...token, client, user };
  }

  private async insertToken(manager: EntityManager, token: Token, client: Client, grantUser: GrantUser): Promise<void> {
    const grantType = grantUser.viaClientCredentials ? 'client_credentials' : 'authorization_code';
    await manager.getRepository(OAuthToken).insert({
      accessTokenHash: hashSecret(token.accessToken),
      accessTokenExpiresAt: token.accessTokenExpiresAt as Date,
      refreshTokenHash: token.refreshToken ? hashSecret(token.refreshToken) : null,
      refreshTokenExpiresAt: token.refreshToken ? (token.refreshTokenExpiresAt ?? null) : null,
      scope: (token.scope ?? []).join(' '),
      familyId: grantUser.familyId ?? randomUUID(),
      grantType,
      clientId: client.dbId as number,
      userId: grantUser.id,
    });
  }

  async getAccessToken(): Promise<false> {
    // Resource requests are authenticated by the global guard (TokenService), not by the library.
    return false;
  }

  /** A refresh token that was already exchanged is a replay: the whole family is revoked (RFC 9700 §4.14). */
  async getRefreshToken(refreshToken: string): Promise<RefreshToken | false> {
    const row = await this.dataSource
      .getRepository(OAuthToken)
      .findOne({ where: { refreshTokenHash: hashSecret(refreshToken) }, relations: { client: true } });
    if (!row || !row.client || row.client.deletedAt) return false;
    if (row.rotatedAt) {
      await this.revokeFamily(row.familyId);
      return false;
    }
    if (row.revokedAt) return false;
    return {
      refreshToken,
      refreshTokenExpiresAt: row.refreshTokenExpiresAt ?? undefined,
      scope: parseScopes(row.scope),
      client: toClient(row.client),
      user: { id: row.userId, familyId: row.familyId },
    };
  }

  /** Called by the library when a refresh token is exchanged: it is rotated out, with its access token. */
  async revokeToken(token: RefreshToken): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE oauth_tokens SET rotated_at = now(), revoked_at = now()
        WHERE refresh_token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL
        RETURNING access_token_hash`,
      [hashSecret(token.refreshToken)],
    )) as [{ access_token_hash: string }[], number];
    this.evict(rows);
    return rows.length > 0;
  }

  async getUserFromClient(client: Client): Promise<User | false> {
    const row = await this.dataSource.getRepository(OAuthClient).findOneBy({ clientId: client.id, deletedAt: IsNull() });
    return row ? { id: row.userId, viaClientCredentials: true } : false;
  }

  async revokeFamily(familyId: string): Promise<void> {
    const [tokens] = (await this.dataSource.query(
      'UPDATE oauth_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING access_token_hash',
      [familyId],
    )) as [{ access_token_hash: string }[], number];
    this.evict(tokens);
  }
}
