import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { retryReadOnce } from '@app/common';
import { PreparedStatement } from '@app/database';
import { AuthCache } from '../cache/auth-cache';
import { Role } from '../role';
import { liveMembershipPredicate } from './live-membership';

export interface ActiveMembership {
  role: Role;
  rateStatus: number;
  ownerId: number;
}

const MEMBERSHIP_LOOKUP = PreparedStatement.sql<{ role: Role; rate_status: number; owner_id: number }>(
  'auth.membership',
  `SELECT m.role, m.rate_status, w.owner_id
     FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
    WHERE m.workspace_id = $1 AND m.user_id = $2 AND ${liveMembershipPredicate('m', 'w')}`,
  ['workspaceId', 'userId'],
);

@Injectable()
export class MembershipLookup {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: AuthCache,
  ) {}

  /** The caller's active membership in a live (not blocked, not deleted) workspace, if any. */
  async findActive(workspaceId: number, userId: number): Promise<ActiveMembership | null> {
    const cached = this.cache.getMembership(workspaceId, userId);
    if (cached) return cached;
    const generation = this.cache.generation;
    const rows = await retryReadOnce(() => MEMBERSHIP_LOOKUP.run(this.dataSource.manager, { workspaceId, userId }));
    const row = rows[0];
    if (!row) return null;
    const membership = { role: row.role, rateStatus: row.rate_status, ownerId: row.owner_id };
    this.cache.setMembership(workspaceId, userId, membership, generation);
    return membership;
  }
}
