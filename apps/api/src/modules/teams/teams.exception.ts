import { ApiException, errorCatalog, FieldErrors } from '@app/common';

export const teamError = errorCatalog({
  NotFound: [404, 'Team not found.'],
  MemberNotFound: [404, 'User is not a member of this team.'],
  ManagerNotFound: [404, 'User is not a manager of this team.'],
  NameTaken: [409, 'A team with this name already exists in this workspace.'],
  AlreadyInTeam: [409, 'User is already in this team.'],
} as const);

export const INVALID_TEAM_PERSON =
  'The selected user is not a member of this workspace who can join a team (archived members and project viewers cannot).';

/** A 422 naming each user id that cannot join the team (`user_id`, `managers.N`, `members.N`). */
export const invalidTeamPeople = (errors: FieldErrors): ApiException => ApiException.validation(errors);

export const teamValidationError = (field: string, message: string): ApiException => ApiException.validation({ [field]: [message] });
