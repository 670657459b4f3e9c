import { existsSync } from 'node:fs';
import { describe } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), which .ci/run installs. */
export const CHROMIUM = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const hasChromium = existsSync(CHROMIUM);

/**
 * `describe` when Chromium is installed; otherwise the suite is skipped with a message, except under CI=true,
 * where a missing browser fails the run: CI must never pass by silently skipping the real-browser coverage.
 */
export function describeWithChromium(suite: string): typeof describe | typeof describe.skip {
  if (hasChromium) return describe;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing; install it with: apt-get install -y chromium`);
  process.stderr.write(`${suite}: skipped, ${CHROMIUM} not found (apt-get install -y chromium)\n`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
