import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthCache, parseScopes, PersonalAccessToken, TokenService } from '@app/auth';
import { utcTimestamp } from '@app/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { CreatedPersonalAccessTokenResponseDto, PersonalAccessTokenResponseDto } from './credentials.dto';
import { credentialsError } from './credentials.exception';

export function toTokenResponse(row: PersonalAccessToken): PersonalAccessTokenResponseDto {
  return {
    id: row.id,
    name: row.name,
    scopes: parseScopes(row.scopes),
    expires_at: utcTimestamp(row.expiresAt),
    last_used_at: row.lastUsedAt ? utcTimestamp(row.lastUsedAt) : null,
    created_at: utcTimestamp(row.createdAt),
  };
}

/** A user's own personal access tokens (an extension; the published API manages them in the web app). */
@Injectable()
export class PersonalAccessTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly cache: AuthCache,
  ) {}

  async create(userId: number, name: string): Promise<CreatedPersonalAccessTokenResponseDto> {
    const { token, record } = await this.tokens.createPersonalAccessToken(userId, name);
    const stored = await this.dataSource.getRepository(PersonalAccessToken).findOneByOrFail({ id: record.id });
    return { ...toTokenResponse(stored), token };
  }

  async list(userId: number): Promise<PersonalAccessTokenResponseDto[]> {
    const rows = await this.dataSource
      .getRepository(PersonalAccessToken)
      .find({ where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) }, order: { id: 'ASC' } });
    return rows.map(toTokenResponse);
  }

  async revoke(userId: number, tokenId: number): Promise<void> {
    const [rows] = (await this.dataSource.query(
      'UPDATE personal_access_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING token_hash',
      [tokenId, userId],
    )) as [{ token_hash: string }[], number];
    if (rows.length === 0) throw credentialsError('PersonalAccessTokenNotFound');
    // Refused by this process from the next request on; the NOTIFY trigger tells the others.
    this.cache.invalidate({ kind: 'token', hash: rows[0].token_hash });
  }
}
