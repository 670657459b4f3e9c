import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { liveMembershipPredicate, Principal } from '@app/auth';
import { Paginated, PaginationQueryDto, pageOffset, pageRequest, paginationMeta } from '@app/common';
import { DataSource } from 'typeorm';
import { WorkspaceResponseDto } from './workspaces.dto';
import { toWorkspaceResponse, WorkspaceRow } from './workspaces.mapper';

const LIVE_MEMBERSHIPS = `FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
  WHERE m.user_id = $1 AND ${liveMembershipPredicate('m', 'w')}`;

@Injectable()
export class WorkspacesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per live membership of the caller: exactly the workspaces the guard lets the caller into. */
  async list(principal: Principal, query: PaginationQueryDto): Promise<Paginated<WorkspaceResponseDto>> {
    const page = pageRequest(query);
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS total ${LIVE_MEMBERSHIPS}`, [principal.userId]) as Promise<{ total: number }[]>,
      this.dataSource.query(
        `SELECT w.id, w.owner_id, m.user_id, w.name AS workspace_name, m.role, m.status, w.created_at, m.activated_at
         ${LIVE_MEMBERSHIPS} ORDER BY w.id LIMIT $2 OFFSET $3`,
        [principal.userId, page.perPage, pageOffset(page)],
      ) as Promise<WorkspaceRow[]>,
    ]);
    return new Paginated(rows.map(toWorkspaceResponse), paginationMeta(total, page, rows.length));
  }
}
