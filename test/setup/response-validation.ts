import { afterAll, afterEach } from '@jest/globals';
import { allSeenViolations, formatViolation, summarise, takeViolations, validationMode } from '../support/response-validation';

/**
 * Fails the test whose requests got a response the committed OpenAPI document does not declare (see
 * test/support/response-validation.ts). Violations seen outside a test (beforeAll/afterAll) fail the suite.
 */
function check(where: string): void {
  const violations = takeViolations();
  if (violations.length === 0) return;
  const text = `${violations.length} response(s) do not match openapi/openapi.json (${where}):\n${violations.map(formatViolation).join('\n')}`;
  if (validationMode() === 'strict') throw new Error(text);
}

afterEach(() => check('this test'));

afterAll(() => {
  check('beforeAll/afterAll hooks');
  const seen = allSeenViolations();
  if (validationMode() === 'report' && seen.length) {
    process.stdout.write(`\nRESPONSE_VALIDATION=report: ${seen.length} violation(s) in this file\n${summarise(seen)}\n`);
  }
});
