import { Body, Controller, Delete, Get, Header, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, OAuthClient, Permission, Principal } from '@app/auth';
import { ApiPathId, Responds, UNIQUE_VIOLATION_CONFLICT, utcTimestamp } from '@app/common';
import { CreatedOAuthAppResponseDto, CreateOAuthAppDto, OAuthAppResponseDto } from './credentials.dto';
import { credentialsError } from './credentials.exception';
import { OAuthClientsService } from './oauth-clients.service';
import { PersonalAccessTokenOnlyGuard } from './personal-access-token-only.guard';

function toAppResponse(client: OAuthClient): OAuthAppResponseDto {
  return {
    client_id: client.clientId,
    name: client.name,
    redirect_uris: client.redirectUris,
    grant_types: client.grants,
    confidential: client.secretHash !== null,
    created_at: utcTimestamp(client.createdAt),
  };
}

@ApiTags('Extensions')
@Controller('oauth-apps')
@UseGuards(PersonalAccessTokenOnlyGuard)
export class OAuthAppsController {
  constructor(private readonly clients: OAuthClientsService) {}

  @Get()
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({
    summary: 'List your OAuth apps (extension)',
    description:
      'The live apps you registered, oldest first; client secrets are never shown again. Needs a personal access token; OAuth access tokens get 403.',
  })
  @Responds(OAuthAppResponseDto, { isArray: true })
  async listOAuthApps(@CurrentPrincipal() principal: Principal): Promise<OAuthAppResponseDto[]> {
    return (await this.clients.list(principal.userId)).map(toAppResponse);
  }

  @Post()
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({
    summary: 'Register an OAuth app (extension)',
    description:
      'The client secret is in the response once (Cache-Control: no-store). Needs a personal access token; OAuth access tokens get 403.',
  })
  @Responds(CreatedOAuthAppResponseDto, {
    status: 201,
    message: 'OAuth app created successfully',
    conflict: UNIQUE_VIOLATION_CONFLICT,
  })
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async createOAuthApp(@CurrentPrincipal() principal: Principal, @Body() dto: CreateOAuthAppDto): Promise<CreatedOAuthAppResponseDto> {
    const { client, clientSecret } = await this.clients.register(principal.userId, {
      name: dto.name,
      redirectUris: dto.redirect_uris ?? [],
      grantType: dto.grant_type,
      confidential: dto.confidential ?? true,
    });
    return { ...toAppResponse(client), client_secret: clientSecret };
  }

  @Delete(':clientId')
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({
    summary: 'Delete an OAuth app and revoke its tokens (extension)',
    description:
      'Every access and refresh token the app holds stops working at once. Only your own apps. Needs a personal access token; OAuth access tokens get 403.',
  })
  @ApiPathId('clientId', {
    notFound: credentialsError.message('OAuthAppNotFound'),
    type: 'string',
    example: '9a1b2c3d4e5f60718293a4b5c6d7e8f9',
  })
  @Responds(null, { message: 'OAuth app deleted successfully' })
  async deleteOAuthApp(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<null> {
    await this.clients.remove(principal.userId, clientId);
    return null;
  }
}
