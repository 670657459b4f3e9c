import { errorCatalog } from '@app/common';

export const projectViewerInviteError = errorCatalog({
  AlreadyMember: [409, 'User is already a member of this workspace.'],
} as const);
