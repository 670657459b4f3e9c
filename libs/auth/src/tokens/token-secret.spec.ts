import { describe, expect, it } from '@jest/globals';
import { generateSecret, hashesMatch, hashSecret, PAT_PREFIX } from './token-secret';

describe('token secrets', () => {
  it('generates prefixed 256-bit secrets that never repeat', () => {
    const a = generateSecret(PAT_PREFIX);
    const b = generateSecret(PAT_PREFIX);
    expect(a.startsWith(PAT_PREFIX)).toBe(true);
    expect(Buffer.from(a.slice(PAT_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('stores SHA-256 hex and compares hashes safely', () => {
    const hash = hashSecret('secret');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashesMatch(hash, hashSecret('secret'))).toBe(true);
    expect(hashesMatch(hash, hashSecret('other'))).toBe(false);
    expect(hashesMatch(hash, '')).toBe(false);
  });
});
