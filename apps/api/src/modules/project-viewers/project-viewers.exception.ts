import { errorCatalog } from '@app/common';

export const projectViewerError = errorCatalog({
  NotFound: [404, 'Project viewer not found.'],
  ProjectNotFound: [404, 'Project not found.'],
  ProjectNotAssigned: [404, 'Project is not assigned to this viewer.'],
  AlreadyArchived: [409, 'Project viewer is already archived.'],
  NotArchived: [409, 'Project viewer is not archived.'],
  Archived: [409, 'Project viewer is archived.'],
  AlreadyAssigned: [409, 'Project is already assigned to this viewer.'],
} as const);
