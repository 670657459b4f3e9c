import OAuth2Server from '@node-oauth/oauth2-server';
import { AuthCache } from '@app/auth';
import { AppConfig } from '@app/common';
import { DataSource } from 'typeorm';
import { OAuthModel } from './oauth.model';
import { ValidateFirstRefreshTokenGrantType } from './refresh-token-grant';

export const AUTHORIZATION_CODE_TTL_SECONDS = 600;

export function createOAuthServer(dataSource: DataSource, config: AppConfig, cache: AuthCache): OAuth2Server {
  return new OAuth2Server({
    model: new OAuthModel(dataSource, cache),
    accessTokenLifetime: config.oauthAccessTokenTtlSeconds,
    refreshTokenLifetime: config.oauthRefreshTokenTtlSeconds,
    authorizationCodeLifetime: AUTHORIZATION_CODE_TTL_SECONDS,
    allowEmptyState: true,
    allowBearerTokensInQueryString: false,
    alwaysIssueNewRefreshToken: true,
    // Public clients send no secret; getClient() still refuses a confidential client without its secret.
    requireClientAuthentication: { authorization_code: false, refresh_token: false, client_credentials: true },
    extendedGrantTypes: { refresh_token: ValidateFirstRefreshTokenGrantType },
  });
}

export const OAUTH_SERVER = Symbol('OAUTH_SERVER');
