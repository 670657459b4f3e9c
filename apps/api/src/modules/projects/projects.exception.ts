import { errorCatalog } from '@app/common';

export const projectError = errorCatalog({
  NotFound: [404, 'Project not found.'],
} as const);
