export * from './entities/user.entity';
export * from './entities/workspace.entity';
export * from './entities/membership.entity';
export * from './entities/personal-access-token.entity';
export * from './entities/oauth-client.entity';
export * from './entities/oauth-authorization-code.entity';
export * from './entities/oauth-token.entity';
export * from './entities/browser-session.entity';
export * from './entities/sign-in-throttle.entity';
export * from './rate-limit/rate-limiter';
export * from './rate-limit/memory-rate-limiter';
export * from './rate-limit/redis-rate-limiter';
export * from './rate-limit/rate-limit.service';
export * from './role';
export * from './rate-visibility';
export * from './scope';
export * from './permission';
export * from './auth-context';
export * from './authenticated.decorator';
export * from './tokens/token-secret';
export * from './tokens/token.service';
export * from './tokens/last-used.recorder';
export * from './cache/auth-cache';
export * from './cache/auth-invalidation.listener';
export * from './bootstrap.service';
export * from './auth.module';
export * from './guard/permissions.guard';
export * from './guard/live-membership';

import { Membership } from './entities/membership.entity';
import { PersonalAccessToken } from './entities/personal-access-token.entity';
import { User } from './entities/user.entity';
import { Workspace } from './entities/workspace.entity';
import { OAuthClient } from './entities/oauth-client.entity';
import { OAuthAuthorizationCode } from './entities/oauth-authorization-code.entity';
import { OAuthToken } from './entities/oauth-token.entity';
import { BrowserSession } from './entities/browser-session.entity';
import { SignInThrottle } from './entities/sign-in-throttle.entity';

export const AUTH_ENTITIES = [
  User,
  Workspace,
  Membership,
  PersonalAccessToken,
  OAuthClient,
  OAuthAuthorizationCode,
  OAuthToken,
  BrowserSession,
  SignInThrottle,
];
export * from './access';
