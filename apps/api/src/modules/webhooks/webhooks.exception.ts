import { ApiException, errorCatalog, FieldErrors } from '@app/common';
import { WEBHOOK_EVENT_TYPES } from '@app/database';

export const webhookError = errorCatalog({
  NotFound: [404, 'Webhook not found.'],
} as const);

/** What is wrong with one entry of `events` (the DTO checked the list itself). */
export interface EventProblem {
  index: number;
  problem: 'unknown' | 'duplicate';
}

const EVENT_MESSAGES: Record<EventProblem['problem'], (index: number) => string> = {
  unknown: (index) => `The selected events.${index} is invalid. Valid events: ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
  duplicate: (index) => `The events.${index} field has a duplicate value.`,
};

/**
 * The one 422 for the rules the service checks, naming every bad input at once: `url` with the target policy's
 * sentence (target-policy.ts), and `events.N` per bad entry (conventions.md: array items use dot paths).
 */
export function webhookInputError({ url, events }: { url?: string; events: readonly EventProblem[] }): ApiException {
  const errors: FieldErrors = {};
  if (url !== undefined) errors.url = [url];
  for (const { index, problem } of events) errors[`events.${index}`] = [EVENT_MESSAGES[problem](index)];
  return ApiException.validation(errors);
}
