import { randomBytes } from 'node:crypto';
import type { AuthCache, TokenService } from '@app/auth';
import type { DataSource } from 'typeorm';
import type { OAuthClientsService } from '../../../apps/api/src/modules/oauth/oauth-clients.service';
import type { SignInService } from '../../../apps/api/src/modules/oauth/sign-in.service';

/** What the per-domain factories need from the running app. */
export interface FactoryDeps {
  dataSource: DataSource;
  tokenService: TokenService;
  signIn: SignInService;
  clients: OAuthClientsService;
  authCache: AuthCache;
}

/** A user given by id or by anything that carries one (a TestMember, a workspace owner). */
export type UserRef = number | { userId: number };

export const userIdOf = (ref: UserRef): number => (typeof ref === 'number' ? ref : ref.userId);

export const unique = (): string => randomBytes(5).toString('hex');
