import { Membership, MembershipStatus, Role } from '@app/auth';
import { FactoryDeps } from './factory-deps';
import { ScopeName, TokenKind, TokensFactory } from './tokens.factory';
import { UsersFactory } from './users.factory';

export interface TestMember {
  userId: number;
  /** A bearer token for the member (a personal access token unless `token` asked otherwise). */
  token: string;
  tokenId: number;
  workspaceId: number;
  role: Role;
  membership: Membership;
}

/** `Role.RegularUser` or the exact string `'Regular User'` (roles.md). */
export type RoleName = `${Role}`;

export interface CreateMemberInput {
  workspaceId: number;
  role: RoleName;
  /** An existing user; a new user by default. */
  userId?: number;
  status?: MembershipStatus | `${MembershipStatus}`;
  rateStatus?: number;
  blocked?: boolean;
  /** Archived membership (deleted_at set). */
  deleted?: boolean;
  rate?: string;
  /** The member's token; default a PAT with `read write admin`. */
  token?: { kind?: TokenKind; scopes?: ScopeName[] };
}

export class MembersFactory {
  constructor(
    private readonly deps: FactoryDeps,
    private readonly users: UsersFactory,
    private readonly tokens: TokensFactory,
  ) {}

  async create({
    workspaceId,
    role,
    userId,
    status = MembershipStatus.Active,
    rateStatus = 0,
    blocked = false,
    deleted = false,
    rate,
    token,
  }: CreateMemberInput): Promise<TestMember> {
    const memberId = userId ?? (await this.users.create()).id;
    const repository = this.deps.dataSource.getRepository(Membership);
    const membership = repository.create({
      workspaceId,
      userId: memberId,
      role: role as Role,
      status: status as MembershipStatus,
      rateStatus,
      isBlocked: blocked,
      rate: rate ?? null,
      activatedAt: new Date(),
      deletedAt: deleted ? new Date() : null,
    });
    await repository.insert(membership);
    const issued = await this.tokens.create({ userId: memberId, ...token });
    return { userId: memberId, token: issued.token, tokenId: issued.tokenId, workspaceId, role: role as Role, membership };
  }
}
