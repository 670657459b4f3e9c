import { errorCatalog } from '@app/common';

export const healthError = errorCatalog({
  DatabaseUnavailable: [503, 'Database unavailable.'],
} as const);
