import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseScopes, PersonalAccessToken, TokenService } from '@app/auth';
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
    const result = await this.dataSource
      .getRepository(PersonalAccessToken)
      .update({ id: tokenId, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw credentialsError('PersonalAccessTokenNotFound');
  }
}
