import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { BootstrapService } from './bootstrap.service';
import { AuthCache } from './cache/auth-cache';
import { AuthInvalidationListener } from './cache/auth-invalidation.listener';
import { LastUsedRecorder } from './tokens/last-used.recorder';
import { MembershipLookup } from './guard/membership.lookup';
import { PermissionsGuard } from './guard/permissions.guard';
import { BearerStrategy } from './tokens/bearer.strategy';
import { TokenService } from './tokens/token.service';
import { MemoryRateLimiter } from './rate-limit/memory-rate-limiter';
import { RATE_LIMITER, RateLimiter } from './rate-limit/rate-limiter';
import { RateLimitService } from './rate-limit/rate-limit.service';
import { RedisRateLimiter } from './rate-limit/redis-rate-limiter';

/** Global: every resource module may need tokens or the rate limiter. */
@Global()
@Module({
  imports: [PassportModule.register({ session: false })],
  providers: [
    TokenService,
    LastUsedRecorder,
    {
      provide: AuthCache,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): AuthCache =>
        new AuthCache({ ttlMs: config.authCacheTtlSeconds * 1000, maxEntries: config.authCacheMaxEntries }),
    },
    AuthInvalidationListener,
    BearerStrategy,
    MembershipLookup,
    BootstrapService,
    RateLimitService,
    {
      provide: RATE_LIMITER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RateLimiter => (config.redisUrl ? new RedisRateLimiter(config.redisUrl) : new MemoryRateLimiter()),
    },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  exports: [TokenService, BootstrapService, RATE_LIMITER, RateLimitService, AuthCache],
})
export class AuthModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter) {}

  async onApplicationShutdown(): Promise<void> {
    await this.rateLimiter.close();
  }
}
