import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { PreparedStatement } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../auth-context';
import { AuthCache, CachedToken } from '../cache/auth-cache';
import { liveMembershipPredicate } from '../guard/live-membership';
import { ActiveMembership } from '../guard/membership.lookup';
import { Role } from '../role';
import { LastUsedRecorder } from './last-used.recorder';
import { PersonalAccessToken } from '../entities/personal-access-token.entity';
import { parseScopes } from '../scope';
import { ACCESS_TOKEN_PREFIX, generateSecret, hashesMatch, hashSecret, PAT_PREFIX } from './token-secret';

const DAY_MS = 86_400_000;

/** One row answers the token, its user and (when asked) the caller's live membership in one workspace. */
interface MembershipColumns {
  role: Role | null;
  rate_status: number | null;
  owner_id: number | null;
}

interface TokenRow extends MembershipColumns {
  id: number;
  user_id: number;
  token_hash: string;
  scopes: string;
  expires_at: Date;
}

interface OAuthTokenRow extends MembershipColumns {
  user_id: number;
  client_id: number;
  access_token_hash: string;
  scope: string;
  grant_type: string;
  access_token_expires_at: Date;
}

// The membership join of the lookups: nothing joins when no workspace is asked for ($2 IS NULL).
const MEMBERSHIP_JOIN = `LEFT JOIN (workspace_members m JOIN workspaces w ON w.id = m.workspace_id AND ${liveMembershipPredicate('m', 'w')})
         ON m.workspace_id = $2 AND m.user_id = t.user_id`;

// Named prepared statements: parsed and planned once per connection, since every cache miss runs one of them.
const PAT_LOOKUP = PreparedStatement.sql<TokenRow>(
  'auth.personal_access_token',
  `SELECT t.id, t.user_id, t.token_hash, t.scopes, t.expires_at, m.role, m.rate_status, w.owner_id
     FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
     ${MEMBERSHIP_JOIN}
    WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT u.is_disabled`,
  ['hash', 'workspaceId'],
);

const OAUTH_LOOKUP = PreparedStatement.sql<OAuthTokenRow>(
  'auth.oauth_access_token',
  `SELECT t.user_id, t.client_id, t.access_token_hash, t.scope, t.grant_type, t.access_token_expires_at,
          m.role, m.rate_status, w.owner_id
     FROM oauth_tokens t JOIN users u ON u.id = t.user_id JOIN oauth_clients c ON c.id = t.client_id
     ${MEMBERSHIP_JOIN}
    WHERE t.access_token_hash = $1 AND t.revoked_at IS NULL AND t.access_token_expires_at > now()
      AND NOT u.is_disabled AND c.deleted_at IS NULL`,
  ['hash', 'workspaceId'],
);

export interface Authentication {
  principal: Principal;
  /** Present when a workspace was asked for and the token was read from the database: null means not a member. */
  membership?: ActiveMembership | null;
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
    private readonly cache: AuthCache,
    private readonly lastUsed: LastUsedRecorder,
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

  /**
   * Resolves a presented bearer token to its principal, or null when unknown, expired, revoked or disabled. On a
   * cache miss one statement reads the token, its user and, given `workspaceId`, the caller's live membership there.
   */
  async authenticate(token: string, workspaceId?: number): Promise<Authentication | null> {
    if (token.length > 200) return null;
    const kind = token.startsWith(PAT_PREFIX) ? 'pat' : token.startsWith(ACCESS_TOKEN_PREFIX) ? 'oauth' : undefined;
    if (!kind) return null;
    const hash = hashSecret(token);
    const cached = this.cache.getToken(hash);
    if (cached) {
      if (cached.patId !== null) this.lastUsed.touch(cached.patId);
      return { principal: cached.principal };
    }
    const generation = this.cache.generation;
    const found =
      kind === 'pat' ? await this.findPersonalAccessToken(hash, workspaceId) : await this.findOAuthAccessToken(hash, workspaceId);
    if (!found) return null;
    this.cache.setToken(hash, found.token, generation);
    if (found.token.patId !== null) this.lastUsed.touch(found.token.patId);
    if (workspaceId === undefined) return { principal: found.token.principal };
    if (found.membership) this.cache.setMembership(workspaceId, found.token.principal.userId, found.membership, generation);
    return { principal: found.token.principal, membership: found.membership };
  }

  private async findPersonalAccessToken(hash: string, workspaceId: number | undefined): Promise<Found | null> {
    const rows = await PAT_LOOKUP.run(this.dataSource.manager, { hash, workspaceId: workspaceId ?? null });
    const row = rows[0];
    if (!row || !hashesMatch(row.token_hash, hash)) return null;
    return {
      token: {
        principal: {
          userId: row.user_id,
          scopes: parseScopes(row.scopes),
          tokenKind: 'personal_access_token',
          rateLimitKey: `user:${row.user_id}`,
        },
        patId: row.id,
        clientId: null,
        expiresAt: row.expires_at,
      },
      membership: membershipOf(row),
    };
  }

  private async findOAuthAccessToken(hash: string, workspaceId: number | undefined): Promise<Found | null> {
    const rows = await OAUTH_LOOKUP.run(this.dataSource.manager, { hash, workspaceId: workspaceId ?? null });
    const row = rows[0];
    if (!row || !hashesMatch(row.access_token_hash, hash)) return null;
    return {
      token: {
        principal: {
          userId: row.user_id,
          scopes: parseScopes(row.scope),
          tokenKind: 'oauth',
          rateLimitKey: row.grant_type === 'client_credentials' ? `client:${row.client_id}` : `user:${row.user_id}`,
        },
        patId: null,
        clientId: row.client_id,
        expiresAt: row.access_token_expires_at,
      },
      membership: membershipOf(row),
    };
  }
}

interface Found {
  token: CachedToken;
  membership: ActiveMembership | null;
}

function membershipOf(row: MembershipColumns): ActiveMembership | null {
  return row.role === null ? null : { role: row.role, rateStatus: row.rate_status as number, ownerId: row.owner_id as number };
}
