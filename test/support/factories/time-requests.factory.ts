import type { DataSource } from 'typeorm';
import type { TimeRequestStatus } from '../../../apps/api/src/modules/time-requests/time-request-status';
import { userIdOf, UserRef } from './factory-deps';

export interface CreateTimeRequestInput {
  workspaceId: number;
  user: UserRef;
  /** Default: 2025-06-03T09:00:00Z (a Tuesday), for one hour. */
  start?: Date | string;
  end?: Date | string;
  status?: TimeRequestStatus;
  contractId?: number | null;
  projectId?: number | null;
  taskId?: number | null;
  description?: string | null;
  comment?: string | null;
  updatedBy?: number | null;
  deleted?: boolean;
}

/**
 * Time requests and what they meet in the ledger (recorded time, approved weeks), written as rows. Built from
 * the data source alone (`new TimeRequestsFactory(t.dataSource)`), so it also serves the role-matrix rows.
 */
export class TimeRequestsFactory {
  constructor(private readonly dataSource: DataSource) {}

  async create({
    workspaceId,
    user,
    start = '2025-06-03T09:00:00Z',
    end,
    status = 'pending',
    contractId = null,
    projectId = null,
    taskId = null,
    description = null,
    comment = null,
    updatedBy = null,
    deleted = false,
  }: CreateTimeRequestInput): Promise<{ id: string }> {
    const startAt = new Date(start);
    const endAt = end === undefined ? new Date(startAt.getTime() + 3_600_000) : new Date(end);
    const [row] = (await this.dataSource.query(
      `INSERT INTO time_requests (workspace_id, user_id, contract_id, project_id, task_id, start, "end", status, activity_description,
                                  comment, created_by, updated_by, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $2, $11, $12) RETURNING id`,
      [
        workspaceId,
        userIdOf(user),
        contractId,
        projectId,
        taskId,
        startAt,
        endAt,
        status,
        description,
        comment,
        updatedBy,
        deleted ? new Date() : null,
      ],
    )) as { id: string }[];
    return row;
  }

  /** Recorded time of the member (a finished manual entry). */
  async timeEntry({ workspaceId, user, start, end }: { workspaceId: number; user: UserRef; start: string; end: string }): Promise<string> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO time_entries (workspace_id, user_id, method, start_time, end_time) VALUES ($1, $2, 'Manually added time', $3, $4) RETURNING id`,
      [workspaceId, userIdOf(user), new Date(start), new Date(end)],
    )) as { id: string }[];
    return row.id;
  }

  /** The member's timesheet for the ISO week starting `monday`, in `status` (default approved: the week is locked). */
  async timesheet({
    workspaceId,
    user,
    monday,
    status = 'approved',
  }: {
    workspaceId: number;
    user: UserRef;
    monday: string;
    status?: 'pending' | 'submitted' | 'approved' | 'rejected';
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to, status) VALUES ($1, $2, $3::date, $3::date + 6, $4)`,
      [workspaceId, userIdOf(user), monday, status],
    );
  }

  /** The workspace setting behind auto-approval (no API sets it; the CLI does). */
  async autoApprove(workspaceId: number, on: boolean): Promise<void> {
    await this.dataSource.query('UPDATE workspaces SET time_request_auto_approve = $2 WHERE id = $1', [workspaceId, on]);
  }

  entriesOf(
    workspaceId: number,
    user: UserRef,
  ): Promise<{ start_time: Date; end_time: Date; method: string; contract_id: number | null }[]> {
    return this.dataSource.query(
      'SELECT start_time, end_time, method, contract_id, project_id, task_id, activity_description FROM time_entries WHERE workspace_id = $1 AND user_id = $2 ORDER BY start_time',
      [workspaceId, userIdOf(user)],
    );
  }
}
