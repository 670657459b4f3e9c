import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../auth-context';
import { PersonalAccessToken } from '../entities/personal-access-token.entity';
import { parseScopes } from '../scope';
import { generateSecret, hashesMatch, hashSecret, PAT_PREFIX } from './token-secret';

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

  async revokePersonalAccessToken(tokenId: number): Promise<void> {
    await this.dataSource.getRepository(PersonalAccessToken).update({ id: tokenId }, { revokedAt: new Date() });
  }

  /** Resolves a presented bearer token to its principal, or null when unknown, expired, revoked or disabled. */
  async authenticate(token: string): Promise<Principal | null> {
    if (!token.startsWith(PAT_PREFIX) || token.length > 200) return null;
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
    return { userId: row.user_id, scopes: parseScopes(row.scopes), tokenId: row.id };
  }
}
