import { errorCatalog, validationErrorCatalog } from '@app/common';

export const timeRequestError = errorCatalog({
  NotFound: [404, 'Time request not found.'],
  UserNotFound: [404, 'User not found.'],
  ContractNotFound: [404, 'Contract not found.'],
  // auth.md's role refusal: a member other than OW/EM asking for someone else.
  ForSomeoneElse: [403, 'This action is unauthorized.'],
  NotPending: [409, 'Time request is not pending.'],
} as const);

export const timeRequestValidationError = validationErrorCatalog({
  TaskNeedsContract: ['task_id', 'The task id field requires a contract id.'],
  TaskNotInProject: ['task_id', 'The selected task_id is invalid.'],
  ProjectViewer: ['user_id', 'A Project viewer cannot have time requests.'],
} as const);
