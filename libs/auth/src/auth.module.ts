import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { BootstrapService } from './bootstrap.service';
import { MembershipLookup } from './guard/membership.lookup';
import { PermissionsGuard } from './guard/permissions.guard';
import { BearerStrategy } from './tokens/bearer.strategy';
import { TokenService } from './tokens/token.service';

@Module({
  imports: [PassportModule.register({ session: false })],
  providers: [TokenService, BearerStrategy, MembershipLookup, BootstrapService, { provide: APP_GUARD, useClass: PermissionsGuard }],
  exports: [TokenService, BootstrapService],
})
export class AuthModule {}
