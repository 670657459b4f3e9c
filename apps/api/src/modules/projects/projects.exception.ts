import { errorCatalog, validationErrorCatalog } from '@app/common';

export const projectError = errorCatalog({
  NotFound: [404, 'Project not found.'],
} as const);

export const projectValidationError = validationErrorCatalog({
  DeadlineBeforeStart: ['deadline', 'The deadline must be a date after or equal to start_date.'],
} as const);
