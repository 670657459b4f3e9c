import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, OAuthClient, Permission, Principal } from '@app/auth';
import { ApiEnvelope, utcTimestamp } from '@app/common';
import { CreatedOAuthAppResponseDto, CreateOAuthAppDto, OAuthAppResponseDto } from './credentials.dto';
import { OAuthClientsService } from './oauth-clients.service';

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
export class OAuthAppsController {
  constructor(private readonly clients: OAuthClientsService) {}

  @Get()
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({ summary: 'List your OAuth apps (extension)' })
  @ApiEnvelope(OAuthAppResponseDto, { isArray: true })
  async listOAuthApps(@CurrentPrincipal() principal: Principal): Promise<OAuthAppResponseDto[]> {
    return (await this.clients.list(principal.userId)).map(toAppResponse);
  }

  @Post()
  @Authenticated({ permission: Permission.CredentialsManage })
  @ApiOperation({ summary: 'Register an OAuth app (extension)', description: 'The client secret is in the response once.' })
  @ApiEnvelope(CreatedOAuthAppResponseDto, { status: 201, message: 'OAuth app created successfully' })
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
  @ApiOperation({ summary: 'Delete an OAuth app and revoke its tokens (extension)' })
  @ApiParam({ name: 'clientId', schema: { type: 'string' } })
  @ApiEnvelope(null, { message: 'OAuth app deleted successfully' })
  async deleteOAuthApp(@CurrentPrincipal() principal: Principal, @Param('clientId') clientId: string): Promise<null> {
    await this.clients.remove(principal.userId, clientId);
    return null;
  }
}
