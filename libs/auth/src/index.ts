export * from './entities/user.entity';
export * from './entities/workspace.entity';
export * from './entities/membership.entity';
export * from './entities/personal-access-token.entity';
export * from './role';
export * from './scope';
export * from './permission';
export * from './auth-context';
export * from './authenticated.decorator';
export * from './tokens/token-secret';
export * from './tokens/token.service';
export * from './bootstrap.service';
export * from './auth.module';
export * from './guard/permissions.guard';

import { Membership } from './entities/membership.entity';
import { PersonalAccessToken } from './entities/personal-access-token.entity';
import { User } from './entities/user.entity';
import { Workspace } from './entities/workspace.entity';

export const AUTH_ENTITIES = [User, Workspace, Membership, PersonalAccessToken];
