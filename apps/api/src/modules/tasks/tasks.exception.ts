import { ApiException, errorCatalog, validationErrorCatalog } from '@app/common';

export const taskError = errorCatalog({
  NotFound: [404, 'Task not found.'],
  ProjectNotFound: [404, 'Project not found.'],
  ContractNotFound: [404, 'Contract not found.'],
  UserNotFound: [404, 'User not found.'],
  AssigneeNotFound: [404, 'Assignee not found.'],
  UserNotOnProject: [409, 'User is not assigned to this project.'],
  AlreadyAssigned: [409, 'User is already assigned to this task.'],
} as const);

export const taskValidationError = validationErrorCatalog({
  ProjectRequired: ['project_id', 'The project id field is required when contract id is not present.'],
  ContractOfOtherProject: ['contract_id', 'The contract must belong to the project given as project_id.'],
  EndBeforeStart: ['end_date', 'end_date must be a date on or after start_date.'],
  UnknownStatus: ['status', "The selected status is not a base status or a custom status of the task's project."],
  InvalidParent: ['parent_id', 'The selected parent id is invalid.'],
  ParentCycle: ['parent_id', 'The parent must not be the task itself or one of its subtasks.'],
} as const);

/** Per-element problems in `assignees` (`errors.assignees.N`). */
export const assigneeErrors = {
  notAnId: 'The assignee must be a user id.',
  duplicate: 'The assignee is listed more than once.',
  notOnProject: 'The selected user is not an active member with an active contract on the project.',
};

export const invalidAssignees = (errors: Record<number, string>): ApiException =>
  ApiException.validation(Object.fromEntries(Object.entries(errors).map(([index, message]) => [`assignees.${index}`, [message]])));
