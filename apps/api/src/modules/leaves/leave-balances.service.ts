import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, MANAGEMENT_ROLES, personScope, placeholderSubject, Role } from '@app/auth';
import { Paginated, pageRequest } from '@app/common';
import { PreparedList } from '@app/database';
import { DataSource } from 'typeorm';
import { LeaveShape, remainingBalance, usageByYear, yearsOf } from './leave-amount';
import { LeaveTimeUnit } from './leave-kinds';
import { LeaveBalanceResponseDto, LeavePolicyResponseDto, ListLeaveBalancesQueryDto, ListLeavePoliciesQueryDto } from './leaves.dto';
import { LEAVE_POLICY_COLUMNS, LeavePolicyRow, toLeaveBalanceResponse, toLeavePolicyResponse } from './leaves.mapper';

interface BalanceRow {
  user_id: number;
  user_name: string;
  policies: { name: string; time_unit: LeaveTimeUnit; duration: string; approved: LeaveShape[] }[];
}

const roleKey = (role: Role): string => role.replace(/\W+/g, '_');

/**
 * Each assigned policy with the member's approved leave in the calendar years the range touches, in one
 * statement (the page's members only): leave-amount.ts turns them into balances.
 */
const POLICIES_OF_MEMBER = `(SELECT COALESCE(json_agg(json_build_object(
      'name', bp.name, 'time_unit', bp.time_unit, 'duration', bp.duration::text,
      'approved', (SELECT COALESCE(json_agg(json_build_object('startDate', br.start_date, 'endDate', br.end_date,
                                                              'leavePeriod', br.leave_period, 'hoursPerDay', br.hours_per_day::text)), '[]')
                     FROM leave_requests br
                    WHERE br.user_id = m.user_id AND br.policy_id = bp.id AND br.workspace_id = m.workspace_id
                      AND br.status = 'approved' AND br.start_date <= CAST(:yearsEnd AS date) AND br.end_date >= CAST(:yearsStart AS date)))
      ORDER BY bp.name, bp.id), '[]')
   FROM leave_policy_assignments ba
   JOIN leave_policies bp ON bp.id = ba.policy_id AND bp.workspace_id = m.workspace_id
  WHERE ba.user_id = m.user_id)`;

/** listLeaveBalances and listLeavePolicies (leaves.md): reads of the policies and what is left of them. */
@Injectable()
export class LeaveBalancesService {
  private readonly balanceStatements = new Map<string, PreparedList<BalanceRow>>();
  private readonly policyStatements = new Map<string, PreparedList<LeavePolicyRow>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every live member in the caller's person scope, by user id, with one item per
   * assigned policy: the yearly allowance of each calendar year from `date_from`'s to `date_to`'s, minus the approved
   * leave in those years.
   */
  listBalances(auth: AuthContext, query: ListLeaveBalancesQueryDto): Promise<Paginated<LeaveBalanceResponseDto>> {
    const years = yearsOf(query.date_from, query.date_to);
    const params = {
      workspaceId: auth.workspaceId,
      userId: auth.userId,
      filterUserId: query.user_id,
      yearsStart: `${query.date_from.slice(0, 4)}-01-01`,
      yearsEnd: `${query.date_to.slice(0, 4)}-12-31`,
    };
    return this.balanceStatement(auth.role, query.user_id !== undefined).run(this.dataSource.manager, params, pageRequest(query), (row) =>
      toLeaveBalanceResponse({
        userId: row.user_id,
        userName: row.user_name,
        balances: row.policies.map((policy) => ({
          policyName: policy.name,
          unit: policy.time_unit,
          remaining: remainingBalance(policy.duration, usageByYear(policy.time_unit, policy.approved, years)),
        })),
      }),
    );
  }

  /** OW and EM see every policy of the workspace; the other roles (not PV) the policies assigned to them. */
  listPolicies(auth: AuthContext, query: ListLeavePoliciesQueryDto): Promise<Paginated<LeavePolicyResponseDto>> {
    const params = { workspaceId: auth.workspaceId, userId: auth.userId, filterUserId: query.user_id };
    const ownOnly = !MANAGEMENT_ROLES.includes(auth.role);
    return this.policyStatement(ownOnly, query.user_id !== undefined).run(
      this.dataSource.manager,
      params,
      pageRequest(query),
      toLeavePolicyResponse,
    );
  }

  private balanceStatement(role: Role, byUser: boolean): PreparedList<BalanceRow> {
    const key = `${role}:${byUser ? 'u' : 'all'}`;
    let statement = this.balanceStatements.get(key);
    if (!statement) {
      statement = PreparedList.compile<BalanceRow>(`leave_balances.list.${roleKey(role)}.${byUser ? 'u' : 'all'}`, {
        query: (param) => {
          const members = this.dataSource.manager
            .createQueryBuilder()
            .from('workspace_members', 'm')
            .innerJoin('users', 'u', 'u.id = m.user_id')
            .where('m.workspace_id = :workspaceId', { workspaceId: param('workspaceId') })
            .andWhere('m.deleted_at IS NULL')
            .andWhere(`m.status IN ('active', 'inactive')`);
          const placeholders = placeholderSubject(role, param);
          const scope = personScope(placeholders, 'm.user_id');
          if (scope) members.andWhere(scope.sql, scope.params);
          if (byUser) members.andWhere('m.user_id = :filterUserId', { filterUserId: param('filterUserId') });
          // Bound here for the policies column of the page statement (the count statement does not use them).
          return members.setParameters({ yearsStart: param('yearsStart'), yearsEnd: param('yearsEnd') });
        },
        idColumn: 'm.user_id',
        orderBy: [['m.user_id', 'ASC']],
        select: ['m.user_id AS user_id', `TRIM(u.firstname || ' ' || u.lastname) AS user_name`, `${POLICIES_OF_MEMBER} AS policies`],
      });
      this.balanceStatements.set(key, statement);
    }
    return statement;
  }

  private policyStatement(ownOnly: boolean, byUser: boolean): PreparedList<LeavePolicyRow> {
    const key = `${ownOnly ? 'own' : 'all'}.${byUser ? 'u' : 'all'}`;
    let statement = this.policyStatements.get(key);
    if (!statement) {
      const assignedTo = (param: string): string =>
        `EXISTS (SELECT 1 FROM leave_policy_assignments pa WHERE pa.policy_id = p.id AND pa.user_id = :${param})`;
      statement = PreparedList.compile<LeavePolicyRow>(`leave_policies.list.${key}`, {
        query: (param) => {
          const policies = this.dataSource.manager
            .createQueryBuilder()
            .from('leave_policies', 'p')
            .where('p.workspace_id = :workspaceId', { workspaceId: param('workspaceId') });
          if (ownOnly) policies.andWhere(assignedTo('userId'), { userId: param('userId') });
          if (byUser) policies.andWhere(assignedTo('filterUserId'), { filterUserId: param('filterUserId') });
          return policies;
        },
        idColumn: 'p.id',
        orderBy: [['p.id', 'ASC']],
        select: LEAVE_POLICY_COLUMNS,
      });
      this.policyStatements.set(key, statement);
    }
    return statement;
  }
}
