import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

// The lint rule of eslint.config.js that keeps error envelopes in libs/common and errors in catalogues, applied
// to snippets: a rule that never fires would pass `npm run lint` just as well.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictions(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('lint rule: error envelopes only in libs/common, errors only in catalogues', () => {
  it.each([
    ['a status and message in a service', 'apps/api/src/modules/x/x.service.ts', "new ApiException(404, 'Nope.');", 'no-restricted-syntax'],
    ['field errors in a service', 'apps/api/src/modules/x/x.service.ts', "ApiException.validation({ a: ['b'] });", 'no-restricted-syntax'],
    [
      'an envelope literal in a hook',
      'apps/api/src/hook.ts',
      "export const body = { success: false, message: 'x' };",
      'no-restricted-syntax',
    ],
    [
      'an envelope literal in a catalogue',
      'libs/auth/src/x.exception.ts',
      "export const body = { 'success': false };",
      'no-restricted-syntax',
    ],
    [
      'the envelope builder',
      'apps/api/src/hook.ts',
      "import { errorEnvelope } from '@app/common';\nerrorEnvelope(400, 'x');",
      'no-restricted-imports',
    ],
    [
      'a Nest HTTP exception',
      'libs/auth/src/x.ts',
      "import { NotFoundException } from '@nestjs/common';\nthrow new NotFoundException();",
      'no-restricted-imports',
    ],
  ])('flags %s', async (_, filePath, code, rule) => {
    expect(await restrictions(filePath, `${code}\n`)).toContain(rule);
  });

  it.each([
    ['a catalogue constructing its errors', 'apps/api/src/modules/x/x.exception.ts', "new ApiException(404, 'Nope.');"],
    [
      'libs/common, which renders the envelope',
      'libs/common/src/errors/x.ts',
      "export const body = { success: false, x: new ApiException(1, 'x') };",
    ],
    ['a success body', 'apps/api/src/modules/x/x.service.ts', 'export const body = { success: true };'],
    ['tests asserting error bodies', 'apps/api/src/modules/x/x.spec.ts', 'export const body = { success: false };'],
  ])('allows %s', async (_, filePath, code) => {
    const messages = await restrictions(filePath, `declare class ApiException { constructor(s: number, m: string); }\n${code}\n`);
    expect(messages.filter((rule) => rule.startsWith('no-restricted'))).toEqual([]);
  });
});
