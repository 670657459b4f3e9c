import { errorCatalog, validationErrorCatalog } from '@app/common';

export const leaveError = errorCatalog({
  NotFound: [404, 'Leave request not found.'],
  UserNotFound: [404, 'User not found.'],
  // auth.md's role refusal: a member other than OW/EM asking for someone else.
  ForSomeoneElse: [403, 'This action is unauthorized.'],
  NotPending: [409, 'Leave request is not pending.'],
  Overlap: [409, 'The leave overlaps a pending or approved leave of this member.'],
  InsufficientBalance: [409, 'Insufficient leave balance.'],
} as const);

export const leaveValidationError = validationErrorCatalog({
  PolicyNotFound: ['policy_id', 'The selected policy_id is invalid.'],
  PolicyNotAssigned: ['policy_id', 'The selected policy is not assigned to this user.'],
  ReasonRequired: ['reason', 'The reason field is required by this policy.'],
  StartTimeRequired: ['start_time', 'The start time field is required for hour-based policies.'],
  EndTimeRequired: ['end_time', 'The end time field is required for hour-based policies.'],
  HoursPerDayRequired: ['hours_per_day', 'The hours per day field is required for hour-based policies.'],
  HoursPerDayOverWindow: ['hours_per_day', 'The hours per day must not exceed the time between start_time and end_time.'],
  HalfDayHourBased: ['leave_period', 'The leave period must be 0 for hour-based policies.'],
  StartTimeDayBased: ['start_time', 'The start time field is only allowed for hour-based policies.'],
  EndTimeDayBased: ['end_time', 'The end time field is only allowed for hour-based policies.'],
  HoursPerDayDayBased: ['hours_per_day', 'The hours per day field is only allowed for hour-based policies.'],
  ProjectViewer: ['user_id', 'A Project viewer cannot have leave requests.'],
} as const);

/** The CLI's refusals (leave-policy commands): policies and assignments are managed outside the API. */
export const leavePolicyError = errorCatalog({
  WorkspaceNotFound: [404, 'Workspace not found.'],
  PolicyNotFound: [404, 'Leave policy not found.'],
  MemberNotFound: [404, 'User not found.'],
  DuplicateName: [409, 'A leave policy with this name already exists in the workspace.'],
} as const);
