import { MANAGEMENT_ROLES, Role, ROLES } from './role';
import { Scope } from './scope';

/**
 * Every protected operation names exactly one permission. The table below is the only place
 * that says which scope and which roles it needs (auth.md, roles.md).
 */
export enum Permission {
  WorkspacesList = 'workspaces.list',
  ProjectsList = 'projects.list',
  ProjectsView = 'projects.view',
  ProjectsCreate = 'projects.create',
  ProjectsUpdate = 'projects.update',
  ProjectsArchive = 'projects.archive',
  MembersList = 'members.list',
  MembersView = 'members.view',
  MembersInvite = 'members.invite',
  MembersUpdate = 'members.update',
  MembersArchive = 'members.archive',
  ProjectViewersCreate = 'project_viewers.create',
  TasksList = 'tasks.list',
  TasksView = 'tasks.view',
  TasksCreate = 'tasks.create',
  TasksUpdate = 'tasks.update',
  TasksDelete = 'tasks.delete',
  TasksAssign = 'tasks.assign',
  TasksUnassign = 'tasks.unassign',
  TaskAssigneesList = 'tasks.assignees.list',
  ContractsList = 'contracts.list',
  ContractsView = 'contracts.view',
  ContractsCreate = 'contracts.create',
  ContractsUpdate = 'contracts.update',
  ContractsDelete = 'contracts.delete',
  TimesheetsList = 'timesheets.list',
  TimesheetsSubmit = 'timesheets.submit',
  TimesheetsUnsubmit = 'timesheets.unsubmit',
  TimesheetsApprove = 'timesheets.approve',
  TimesheetsReject = 'timesheets.reject',
  ProjectViewersList = 'project_viewers.list',
  ProjectViewersView = 'project_viewers.view',
  ProjectViewersArchive = 'project_viewers.archive',
  ProjectViewersRestore = 'project_viewers.restore',
  ProjectViewersAssign = 'project_viewers.assign',
  ProjectViewersUnassign = 'project_viewers.unassign',
  TimeTrackingStart = 'time_tracking.start',
  TimeTrackingStop = 'time_tracking.stop',
  TimeTrackingCurrent = 'time_tracking.current',
  TimeEntriesList = 'time_entries.list',
  TimeEntriesCreate = 'time_entries.create',
  TimeEntriesUpdate = 'time_entries.update',
  TimeEntriesDelete = 'time_entries.delete',
  TimeRequestsList = 'time_requests.list',
  TimeRequestsView = 'time_requests.view',
  TimeRequestsCreate = 'time_requests.create',
  TimeRequestsApprove = 'time_requests.approve',
  TimeRequestsReject = 'time_requests.reject',
  ExpensesList = 'expenses.list',
  ExpensesCreate = 'expenses.create',
  ExpensesUpdate = 'expenses.update',
  ExpensesDelete = 'expenses.delete',
  ExpenseCategoriesList = 'expenses.categories.list',
  LeavesList = 'leaves.list',
  LeavesCreate = 'leaves.create',
  LeavesApprove = 'leaves.approve',
  LeavesReject = 'leaves.reject',
  LeaveBalancesList = 'leaves.balances.list',
  LeavePoliciesList = 'leaves.policies.list',
  /** Extensions: teams (roles.md "Managed team"), read and managed by OW and EM. */
  TeamsView = 'teams.view',
  TeamsManage = 'teams.manage',
  /** Extensions: a user's own OAuth apps and personal access tokens. */
  CredentialsManage = 'credentials.manage',
  /** webhooks.md: every webhook operation (GET included) needs the admin scope and OW/EM (auth.md, roles.md). */
  WebhooksList = 'webhooks.list',
  WebhooksView = 'webhooks.view',
  WebhooksCreate = 'webhooks.create',
  WebhooksUpdate = 'webhooks.update',
  WebhooksDelete = 'webhooks.delete',
  /** Extensions: a webhook's delivery log and redelivery (OW and EM, `admin` scope, as the webhook operations). */
  WebhookDeliveriesList = 'webhooks.deliveries.list',
  WebhookDeliveriesRedeliver = 'webhooks.deliveries.redeliver',
  /** The six reports (reports.md): "Only workspace owners and executive managers can access this endpoint". */
  ReportsView = 'reports.view',
}

export interface PermissionRule {
  scope: Scope;
  /** Roles allowed to call the operation at all; finer (record-level) visibility lives in services. */
  roles: readonly Role[];
  /** Whether the operation runs inside a workspace (needs `workspace_id` and an active membership). */
  workspaceScoped: boolean;
}

const anyMember = ROLES;
/**
 * roles.md and time-tracking.md's Decision: time (tracking, time requests, timesheets) is every member's but a
 * Project viewer's; others than OW/EM act for themselves or their person scope, which the services apply.
 */
const timeMembers: readonly Role[] = ROLES.filter((role) => role !== Role.ProjectViewer);
/** roles.md: task writes are OW, EM, and TM/PM inside their project scope (the scope itself is the service's). */
const taskManagers: readonly Role[] = [Role.Owner, Role.ExecutiveManager, Role.TeamManager, Role.ProjectManager];

export const PERMISSION_RULES: Record<Permission, PermissionRule> = {
  [Permission.WorkspacesList]: { scope: Scope.Read, roles: anyMember, workspaceScoped: false },
  [Permission.ProjectsList]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.ProjectsView]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.ProjectsCreate]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectsUpdate]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectsArchive]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  // roles.md: every member lists and reads members (person scope); OW/EM administer them, with the admin scope (auth.md).
  [Permission.MembersList]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.MembersView]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.MembersInvite]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.MembersUpdate]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.MembersArchive]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectViewersCreate]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TasksList]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.TasksView]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.TaskAssigneesList]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.TasksCreate]: { scope: Scope.Write, roles: taskManagers, workspaceScoped: true },
  [Permission.TasksUpdate]: { scope: Scope.Write, roles: taskManagers, workspaceScoped: true },
  [Permission.TasksDelete]: { scope: Scope.Write, roles: taskManagers, workspaceScoped: true },
  [Permission.TasksAssign]: { scope: Scope.Write, roles: taskManagers, workspaceScoped: true },
  [Permission.TasksUnassign]: { scope: Scope.Write, roles: taskManagers, workspaceScoped: true },
  [Permission.ContractsList]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.ContractsView]: { scope: Scope.Read, roles: anyMember, workspaceScoped: true },
  [Permission.ContractsCreate]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ContractsUpdate]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ContractsDelete]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TimesheetsList]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.TimesheetsSubmit]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.TimesheetsUnsubmit]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.TimesheetsApprove]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TimesheetsReject]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectViewersList]: { scope: Scope.Read, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectViewersView]: { scope: Scope.Read, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectViewersArchive]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectViewersRestore]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectViewersAssign]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ProjectViewersUnassign]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TimeTrackingStart]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.TimeTrackingStop]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.TimeTrackingCurrent]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.TimeEntriesList]: { scope: Scope.Read, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TimeEntriesCreate]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TimeEntriesUpdate]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TimeEntriesDelete]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  // roles.md listTimeRequests, getTimeRequest: person scope; createTimeRequest: OW/EM for anyone, others self (the service's).
  [Permission.TimeRequestsList]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.TimeRequestsView]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.TimeRequestsCreate]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.TimeRequestsApprove]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TimeRequestsReject]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  // roles.md expenses: every role but PV (the same set as time). listExpenses is person-scoped; create is the caller's own;
  // update/delete OW/EM on any, others on their own only; the services apply the record-level rules.
  [Permission.ExpensesList]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.ExpensesCreate]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.ExpensesUpdate]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.ExpensesDelete]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.ExpenseCategoriesList]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  // roles.md listLeaves, listLeaveBalances: person scope; listLeavePolicies: all but PV (own assignments below OW/EM);
  // createLeaveRequest: OW/EM for anyone, others self (the service's); approve/reject: OW, EM.
  [Permission.LeavesList]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.LeavesCreate]: { scope: Scope.Write, roles: timeMembers, workspaceScoped: true },
  [Permission.LeavesApprove]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.LeavesReject]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.LeaveBalancesList]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.LeavePoliciesList]: { scope: Scope.Read, roles: timeMembers, workspaceScoped: true },
  [Permission.TeamsView]: { scope: Scope.Read, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.TeamsManage]: { scope: Scope.Write, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.CredentialsManage]: { scope: Scope.Admin, roles: anyMember, workspaceScoped: false },
  // auth.md: admin covers "all webhook operations (GET included)"; roles.md: webhooks are OW and EM only.
  [Permission.WebhooksList]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.WebhooksView]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.WebhooksCreate]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.WebhooksUpdate]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.WebhooksDelete]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.WebhookDeliveriesList]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.WebhookDeliveriesRedeliver]: { scope: Scope.Admin, roles: MANAGEMENT_ROLES, workspaceScoped: true },
  [Permission.ReportsView]: { scope: Scope.Read, roles: MANAGEMENT_ROLES, workspaceScoped: true },
};
