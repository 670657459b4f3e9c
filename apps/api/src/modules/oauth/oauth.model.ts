import { randomUUID } from 'node:crypto';
import type OAuth2Server from '@node-oauth/oauth2-server';
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
import { DataSource, IsNull } from 'typeorm';
import { clientSecretAccepted } from './oauth-clients.service';

type Client = OAuth2Server.Client;
type User = OAuth2Server.User;
type Token = OAuth2Server.Token;
type RefreshToken = OAuth2Server.RefreshToken;
type AuthorizationCode = OAuth2Server.AuthorizationCode;

/** The user the library carries between calls; `familyId` links rotated refresh tokens. */
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
  constructor(private readonly dataSource: DataSource) {}

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
    });
    return { ...code, client, user };
  }

  async getAuthorizationCode(authorizationCode: string): Promise<AuthorizationCode | false> {
    const row = await this.dataSource
      .getRepository(OAuthAuthorizationCode)
      .findOne({ where: { codeHash: hashSecret(authorizationCode) }, relations: { client: true } });
    if (!row || row.usedAt || !row.client || row.client.deletedAt) return false;
    return {
      authorizationCode,
      expiresAt: row.expiresAt,
      redirectUri: row.redirectUri,
      scope: parseScopes(row.scope),
      client: toClient(row.client),
      user: { id: row.userId },
      codeChallenge: row.codeChallenge ?? undefined,
      codeChallengeMethod: row.codeChallengeMethod ?? undefined,
    };
  }

  /** Single use: only the first of two concurrent exchanges can mark the code used. */
  async revokeAuthorizationCode(code: AuthorizationCode): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(OAuthAuthorizationCode)
      .update({ codeHash: hashSecret(code.authorizationCode), usedAt: IsNull() }, { usedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async saveToken(token: Token, client: Client, user: User): Promise<Token> {
    const grantUser = user as GrantUser;
    const grantType = grantUser.viaClientCredentials ? 'client_credentials' : 'authorization_code';
    await this.dataSource.getRepository(OAuthToken).insert({
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
    return { ...token, client, user };
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
    const now = new Date();
    const result = await this.dataSource
      .getRepository(OAuthToken)
      .update(
        { refreshTokenHash: hashSecret(token.refreshToken), rotatedAt: IsNull(), revokedAt: IsNull() },
        { rotatedAt: now, revokedAt: now },
      );
    return (result.affected ?? 0) > 0;
  }

  async getUserFromClient(client: Client): Promise<User | false> {
    const row = await this.dataSource.getRepository(OAuthClient).findOneBy({ clientId: client.id, deletedAt: IsNull() });
    return row ? { id: row.userId, viaClientCredentials: true } : false;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.getRepository(OAuthToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
