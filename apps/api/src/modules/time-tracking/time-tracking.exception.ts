import { errorCatalog } from '@app/common';

export const trackingError = errorCatalog({
  NotYourTracker: [403, 'This action is unauthorized.'],
  AlreadyTracking: [409, 'User is already tracking time. Stop the current tracker first.'],
  NoActiveTracker: [409, 'No active tracker found for this user.'],
  NoCurrentTracker: [404, 'No active tracker found for this user.'],
  WeekLimitReached: [409, 'The weekly hours limit is reached; tracking cannot start.'],
} as const);
