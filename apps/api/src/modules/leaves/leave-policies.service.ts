import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { DEFAULT_HOURS_PER_DAY, LeaveTimeUnit } from './leave-kinds';
import { leavePolicyError } from './leaves.exception';
import { LEAVE_POLICY_COLUMNS, LeavePolicyRow, toLeavePolicyResponse } from './leaves.mapper';
import { LeavePolicyResponseDto } from './leaves.dto';

const UNIQUE_VIOLATION = '23505';
const NAME_INDEX = 'leave_policies_workspace_name_uq';

export interface CreateLeavePolicyInput {
  name: string;
  timeUnit: LeaveTimeUnit;
  /** The yearly allowance in `timeUnit`, a decimal string with at most 2 decimals. */
  duration: string;
  hoursPerDay?: string;
  isPaid?: boolean;
  allowNegativeBalance?: boolean;
  reasonRequired?: boolean;
}

export interface LeavePolicyListing extends LeavePolicyResponseDto {
  members: string[];
}

/**
 * Policies and their assignments are managed outside the API (leaves.md): these are the CLI's
 * (`leave-policy:*` commands, leave-policy.commands.ts). A policy's unit never changes once created.
 */
@Injectable()
export class LeavePoliciesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(workspaceId: number, input: CreateLeavePolicyInput): Promise<LeavePolicyResponseDto> {
    await this.requireWorkspace(workspaceId);
    try {
      const [row] = (await this.dataSource.query(
        `INSERT INTO leave_policies AS p (workspace_id, name, time_unit, duration, hours_per_day, is_paid, allow_negative_balance, reason_required)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${LEAVE_POLICY_COLUMNS.join(', ')}`,
        [
          workspaceId,
          input.name,
          input.timeUnit,
          input.duration,
          input.hoursPerDay ?? String(DEFAULT_HOURS_PER_DAY),
          input.isPaid ?? true,
          input.allowNegativeBalance ?? false,
          input.reasonRequired ?? false,
        ],
      )) as LeavePolicyRow[];
      return toLeavePolicyResponse(row);
    } catch (error) {
      const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (driver?.code === UNIQUE_VIOLATION && driver.constraint === NAME_INDEX) throw leavePolicyError('DuplicateName');
      throw error;
    }
  }

  /** Assigns the policy to a live member of its workspace (again: no change). */
  async assign(workspaceId: number, policyId: number, userId: number): Promise<void> {
    await this.requirePolicy(workspaceId, policyId);
    const members: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 AND deleted_at IS NULL',
      [workspaceId, userId],
    );
    if (members.length === 0) throw leavePolicyError('MemberNotFound');
    await this.dataSource.query(
      'INSERT INTO leave_policy_assignments (policy_id, user_id) VALUES ($1, $2) ON CONFLICT (policy_id, user_id) DO NOTHING',
      [policyId, userId],
    );
  }

  /** Every policy of the workspace with the e-mails of the members assigned to it. */
  async list(workspaceId: number): Promise<LeavePolicyListing[]> {
    await this.requireWorkspace(workspaceId);
    const rows = (await this.dataSource.query(
      `SELECT ${LEAVE_POLICY_COLUMNS.join(', ')},
              COALESCE((SELECT array_agg(u.email ORDER BY u.email) FROM leave_policy_assignments a JOIN users u ON u.id = a.user_id
                         WHERE a.policy_id = p.id), '{}') AS members
         FROM leave_policies p WHERE p.workspace_id = $1 ORDER BY p.id`,
      [workspaceId],
    )) as (LeavePolicyRow & { members: string[] })[];
    return rows.map((row) => ({ ...toLeavePolicyResponse(row), members: row.members }));
  }

  private async requireWorkspace(workspaceId: number): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM workspaces WHERE id = $1 AND deleted_at IS NULL', [workspaceId]);
    if (rows.length === 0) throw leavePolicyError('WorkspaceNotFound');
  }

  private async requirePolicy(workspaceId: number, policyId: number): Promise<void> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM leave_policies WHERE id = $1 AND workspace_id = $2', [
      policyId,
      workspaceId,
    ]);
    if (rows.length === 0) throw leavePolicyError('PolicyNotFound');
  }
}
