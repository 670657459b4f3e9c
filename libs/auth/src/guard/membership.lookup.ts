import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { retryReadOnce } from '@app/common';
import { Role } from '../role';
import { liveMembershipPredicate } from './live-membership';

export interface ActiveMembership {
  role: Role;
  rateStatus: number;
  ownerId: number;
}

@Injectable()
export class MembershipLookup {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's active membership in a live (not blocked, not deleted) workspace, if any. */
  async findActive(workspaceId: number, userId: number): Promise<ActiveMembership | null> {
    const rows: { role: Role; rate_status: number; owner_id: number }[] = await retryReadOnce(() =>
      this.dataSource.query(
        `SELECT m.role, m.rate_status, w.owner_id
         FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.workspace_id = $1 AND m.user_id = $2 AND ${liveMembershipPredicate('m', 'w')}`,
        [workspaceId, userId],
      ),
    );
    const row = rows[0];
    return row ? { role: row.role, rateStatus: row.rate_status, ownerId: row.owner_id } : null;
  }
}
