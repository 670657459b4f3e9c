import { errorCatalog } from './api-exception';

/**
 * Answers the HTTP layer writes before any route runs: router failures, a known path with the wrong method,
 * and requests Node's parser rejects. Rendered through `renderError`, so they are the same envelope.
 */
export const frameworkError = errorCatalog({
  NotFound: [404, 'Not found.'],
  MethodNotAllowed: [405, 'Method not allowed.'],
  MalformedRequest: [400, 'Malformed request.'],
  HeadersTooLarge: [431, 'Request headers (or the URL) are too large.'],
  RequestTimeout: [408, 'The request took too long to arrive.'],
} as const);
