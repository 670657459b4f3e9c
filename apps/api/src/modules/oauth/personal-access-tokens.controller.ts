import { Body, Controller, Delete, Get, Header, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Permission, Principal } from '@app/auth';
import { ApiPathId, IdParamPipe, Responds, UNIQUE_VIOLATION_CONFLICT } from '@app/common';
import { CreatedPersonalAccessTokenResponseDto, CreatePersonalAccessTokenDto, PersonalAccessTokenResponseDto } from './credentials.dto';
import { credentialsError } from './credentials.exception';
import { PersonalAccessTokenOnlyGuard } from './personal-access-token-only.guard';
import { PersonalAccessTokensService } from './personal-access-tokens.service';

const TOKEN_NOT_FOUND = credentialsError.message('PersonalAccessTokenNotFound');

@ApiTags('Extensions')
@Controller('personal-access-tokens')
@UseGuards(PersonalAccessTokenOnlyGuard)
export class PersonalAccessTokensController {
  constructor(private readonly tokens: PersonalAccessTokensService) {}

  @Get()
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({
    summary: 'List your personal access tokens (extension)',
    description: 'Live tokens only; secrets are never shown again. Needs a personal access token; OAuth access tokens get 403.',
  })
  @Responds(PersonalAccessTokenResponseDto, { isArray: true })
  listPersonalAccessTokens(@CurrentPrincipal() principal: Principal): Promise<PersonalAccessTokenResponseDto[]> {
    return this.tokens.list(principal.userId);
  }

  @Post()
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({
    summary: 'Create a personal access token (extension)',
    description:
      'The token is in the response once (Cache-Control: no-store); valid 6 months. Needs a personal access token; OAuth access tokens get 403.',
  })
  @Responds(CreatedPersonalAccessTokenResponseDto, {
    status: 201,
    message: 'Token created successfully',
    conflict: UNIQUE_VIOLATION_CONFLICT,
  })
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  createPersonalAccessToken(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreatePersonalAccessTokenDto,
  ): Promise<CreatedPersonalAccessTokenResponseDto> {
    return this.tokens.create(principal.userId, dto.name);
  }

  @Delete(':tokenId')
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({
    summary: 'Revoke a personal access token (extension)',
    description:
      'Revocation is immediate: the next request with that token gets 401. Only your own tokens. Needs a personal access token; OAuth access tokens get 403.',
  })
  @ApiPathId('tokenId', { notFound: TOKEN_NOT_FOUND, example: 12 })
  @Responds(null, { message: 'Token revoked successfully' })
  async revokePersonalAccessToken(
    @CurrentPrincipal() principal: Principal,
    @Param('tokenId', new IdParamPipe(TOKEN_NOT_FOUND)) tokenId: number,
  ): Promise<null> {
    await this.tokens.revoke(principal.userId, tokenId);
    return null;
  }
}
