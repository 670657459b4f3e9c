import { validationErrorCatalog } from '@app/common';
import { MAX_REPORT_DAYS, MAX_TRACKED_HOURS_DAYS } from './reports.dto';

/** Range checks that need the defaults (tracked hours' current week, in the owner's zone) and so run in the service. */
export const reportValidationError = validationErrorCatalog({
  EndBeforeStart: ['end_date', 'end_date must be a date on or after start_date.'],
  UserRangeTooLong: ['end_date', `The range from start_date to end_date must not exceed ${MAX_REPORT_DAYS} days.`],
  RangeTooLong: ['end_date', `The range from start_date to end_date must not exceed ${MAX_TRACKED_HOURS_DAYS} days.`],
} as const);
