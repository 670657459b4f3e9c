import { AUTH_ENTITIES } from '@app/auth';
import { OutboxEvent } from '@app/database';
import { Contract } from './modules/contracts/contract.entity';
import { Invitation } from './modules/invitations/invitation.entity';
import { LeavePolicyAssignment } from './modules/leaves/leave-policy-assignment.entity';
import { LeavePolicy } from './modules/leaves/leave-policy.entity';
import { LeaveRequest } from './modules/leaves/leave-request.entity';
import { ProjectViewerAssignment } from './modules/project-viewers/project-viewer-assignment.entity';
import { ProjectManager } from './modules/projects/project-manager.entity';
import { Project } from './modules/projects/project.entity';
import { Tag } from './modules/projects/tag.entity';
import { TaskAssignee } from './modules/tasks/task-assignee.entity';
import { TaskStatus } from './modules/tasks/task-status.entity';
import { Task } from './modules/tasks/task.entity';
import { TimeEntry } from './modules/time-entries/time-entry.entity';
import { TimeRequest } from './modules/time-requests/time-request.entity';
import { Timesheet } from './modules/timesheets/timesheet.entity';
import { TeamMember } from './modules/teams/team-member.entity';
import { Team } from './modules/teams/team.entity';
import { Webhook } from './modules/webhooks/webhook.entity';
import { ExpenseCategory } from './modules/expenses/expense-category.entity';
import { Expense } from './modules/expenses/expense.entity';
import { WebhookDeliveryAttempt } from './modules/webhook-deliveries/webhook-delivery-attempt.entity';
import { WebhookDelivery } from './modules/webhook-deliveries/webhook-delivery.entity';
import { WorkSchedule } from './modules/reports/work-schedule.entity';

/** Every entity the schema holds; migrations are generated from this list. */
export const ENTITIES = [
  ...AUTH_ENTITIES,
  Project,
  Tag,
  ProjectManager,
  ProjectViewerAssignment,
  Team,
  TeamMember,
  Contract,
  OutboxEvent,
  Invitation,
  Task,
  TaskAssignee,
  TaskStatus,
  TimeEntry,
  Timesheet,
  TimeRequest,
  Webhook,
  ExpenseCategory,
  Expense,
  LeavePolicy,
  LeavePolicyAssignment,
  LeaveRequest,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  WorkSchedule,
];
