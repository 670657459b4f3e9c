import { AuthCache } from '@app/auth';
import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/common';
import { DataSource } from 'typeorm';
import { OAuthAppsController } from './oauth-apps.controller';
import { OAuthClientsService } from './oauth-clients.service';
import { OAuthController } from './oauth.controller';
import { createOAuthServer, OAUTH_SERVER } from './oauth-server';
import { PersonalAccessTokensController } from './personal-access-tokens.controller';
import { PersonalAccessTokensService } from './personal-access-tokens.service';
import { SignInThrottleService } from './sign-in-throttle.service';
import { SignInService } from './sign-in.service';

@Module({
  controllers: [OAuthController, OAuthAppsController, PersonalAccessTokensController],
  providers: [
    SignInService,
    SignInThrottleService,
    OAuthClientsService,
    PersonalAccessTokensService,
    { provide: OAUTH_SERVER, inject: [DataSource, APP_CONFIG, AuthCache], useFactory: createOAuthServer },
  ],
  exports: [SignInService, OAuthClientsService, PersonalAccessTokensService],
})
export class OAuthModule {}
