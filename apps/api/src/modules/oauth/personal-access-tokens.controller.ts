import { Body, Controller, Delete, Get, Header, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Permission, Principal } from '@app/auth';
import { ApiEnvelope, IdParamPipe } from '@app/common';
import { CreatedPersonalAccessTokenResponseDto, CreatePersonalAccessTokenDto, PersonalAccessTokenResponseDto } from './credentials.dto';
import { PersonalAccessTokenOnlyGuard } from './personal-access-token-only.guard';
import { PersonalAccessTokensService } from './personal-access-tokens.service';

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
  @ApiEnvelope(PersonalAccessTokenResponseDto, { isArray: true })
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
  @ApiEnvelope(CreatedPersonalAccessTokenResponseDto, { status: 201, message: 'Token created successfully' })
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
    description: 'Needs a personal access token; OAuth access tokens get 403.',
  })
  @ApiParam({ name: 'tokenId', schema: { type: 'integer' } })
  @ApiEnvelope(null, { message: 'Token revoked successfully' })
  async revokePersonalAccessToken(
    @CurrentPrincipal() principal: Principal,
    @Param('tokenId', new IdParamPipe('Personal access token not found.')) tokenId: number,
  ): Promise<null> {
    await this.tokens.revoke(principal.userId, tokenId);
    return null;
  }
}
