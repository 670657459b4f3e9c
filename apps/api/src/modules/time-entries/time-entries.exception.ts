import { errorCatalog, validationErrorCatalog } from '@app/common';

export const timeEntryError = errorCatalog({
  NotFound: [404, 'Time entry not found.'],
  UserNotFound: [404, 'User not found.'],
  ContractNotFound: [404, 'Contract not found.'],
  TaskNotFound: [404, 'Task not found.'],
  ContractPaused: [409, 'Contract is paused.'],
  Running: [409, 'A running time entry cannot be changed. Stop the tracker first.'],
  WorkspaceIdMissing: [400, 'workspace_id is required in request body'],
} as const);

export const timeEntryValidationError = validationErrorCatalog({
  EndBeforeStart: ['end_time', 'The end time must be later than the start time.'],
  TaskNeedsContract: ['task_id', 'A task can only be given together with a contract.'],
  TaskNeedsProject: ['task_id', 'A task can only be given together with a project.'],
  TaskOutsideProject: ['task_id', "The task must belong to the contract's project."],
  NoContractOnProject: ['project_id', 'The user has no contract on this project.'],
} as const);
