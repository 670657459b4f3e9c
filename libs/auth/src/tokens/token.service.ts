import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../auth-context';
import { PersonalAccessToken } from '../entities/personal-access-token.entity';
import { parseScopes } from '../scope';
import { ACCESS_TOKEN_PREFIX, generateSecret, hashesMatch, hashSecret, PAT_PREFIX } from './token-secret';

/** `last_used_at` is refreshed at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
const DAY_MS = 86_400_000;

interface TokenRow {
  id: number;
  user_id: number;
  token_hash: string;
  scopes: string;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  is_disabled: boolean;
}

interface OAuthTokenRow {
  user_id: number;
  client_id: number;
  access_token_hash: string;
  scope: string;
  grant_type: string;
}

export interface IssuedToken {
  token: string;
  record: PersonalAccessToken;
}

@Injectable()
export class TokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createPersonalAccessToken(userId: number, name: string, manager: EntityManager = this.dataSource.manager): Promise<IssuedToken> {
    const token = generateSecret(PAT_PREFIX);
    const repository = manager.getRepository(PersonalAccessToken);
    const record = repository.create({
      userId,
      name,
      tokenHash: hashSecret(token),
      scopes: 'read write admin',
      expiresAt: new Date(Date.now() + this.config.patTtlDays * DAY_MS),
    });
    await repository.insert(record);
    return { token, record };
  }

  /** Resolves a presented bearer token to its principal, or null when unknown, expired, revoked or disabled. */
  async authenticate(token: string): Promise<Principal | null> {
    if (token.length > 200) return null;
    if (token.startsWith(PAT_PREFIX)) return this.authenticatePersonalAccessToken(token);
    if (token.startsWith(ACCESS_TOKEN_PREFIX)) return this.authenticateOAuthAccessToken(token);
    return null;
  }

  private async authenticatePersonalAccessToken(token: string): Promise<Principal | null> {
    const hash = hashSecret(token);
    const rows: TokenRow[] = await this.dataSource.query(
      `SELECT t.id, t.user_id, t.token_hash, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, u.is_disabled
         FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [hash],
    );
    const row = rows[0];
    const now = Date.now();
    if (!row || !hashesMatch(row.token_hash, hash)) return null;
    if (row.revoked_at || row.expires_at.getTime() <= now || row.is_disabled) return null;
    if (!row.last_used_at || now - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.query('UPDATE personal_access_tokens SET last_used_at = now() WHERE id = $1', [row.id]);
    }
    return {
      userId: row.user_id,
      scopes: parseScopes(row.scopes),
      tokenKind: 'personal_access_token',
      rateLimitKey: `user:${row.user_id}`,
    };
  }

  private async authenticateOAuthAccessToken(token: string): Promise<Principal | null> {
    const hash = hashSecret(token);
    const rows: OAuthTokenRow[] = await this.dataSource.query(
      `SELECT t.user_id, t.client_id, t.access_token_hash, t.scope, t.grant_type
         FROM oauth_tokens t JOIN users u ON u.id = t.user_id JOIN oauth_clients c ON c.id = t.client_id
        WHERE t.access_token_hash = $1 AND t.revoked_at IS NULL AND t.access_token_expires_at > now()
          AND NOT u.is_disabled AND c.deleted_at IS NULL`,
      [hash],
    );
    const row = rows[0];
    if (!row || !hashesMatch(row.access_token_hash, hash)) return null;
    return {
      userId: row.user_id,
      scopes: parseScopes(row.scope),
      tokenKind: 'oauth',
      rateLimitKey: row.grant_type === 'client_credentials' ? `client:${row.client_id}` : `user:${row.user_id}`,
    };
  }
}
