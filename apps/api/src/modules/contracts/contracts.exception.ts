import { errorCatalog, validationErrorCatalog } from '@app/common';

export const contractError = errorCatalog({
  NotFound: [404, 'Contract not found.'],
  ProjectNotFound: [404, 'Project not found.'],
  UserNotFound: [404, 'User not found.'],
  AlreadyAssigned: [409, 'User is already assigned to this project.'],
} as const);

export const contractValidationError = validationErrorCatalog({
  ProjectViewer: ['user_id', 'A Project viewer cannot be assigned to a project.'],
} as const);
