import { errorCatalog, validationErrorCatalog } from '@app/common';

export const memberError = errorCatalog({
  NotFound: [404, 'Member not found.'],
  AlreadyExists: [409, 'Member already exists in this workspace.'],
  OwnerRoleFixed: [409, "The workspace owner's role cannot be changed."],
  OwnerNotArchivable: [409, 'The workspace owner cannot be archived.'],
  SelfArchive: [409, 'You cannot archive yourself.'],
  AlreadyArchived: [409, 'Member is already archived.'],
  // roles.md "Additional limits on member administration": Owner only.
  OwnerOnly: [403, 'Only the workspace owner may change this.'],
  RoleAboveOwn: [403, 'You cannot grant a role above your own.'],
} as const);

export const memberValidationError = validationErrorCatalog({
  EmailTaken: ['email', 'The email has already been taken.'],
} as const);
