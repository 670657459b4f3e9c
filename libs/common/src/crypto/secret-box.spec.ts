import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { isSealedWithKey, openSecret, sealSecret, SecretKeyMissingError } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);
  const secret = `whsec_${randomBytes(32).toString('base64')}`;

  it('encrypts with a key: the stored form does not contain the secret and opens to it', () => {
    const stored = sealSecret(secret, key);
    expect(isSealedWithKey(stored)).toBe(true);
    expect(stored).not.toContain(secret.slice(6, 20));
    expect(openSecret(stored, key)).toBe(secret);
    expect(sealSecret(secret, key)).not.toBe(stored);
  });

  it('refuses a wrong key, a tampered ciphertext, and a missing key', () => {
    const stored = sealSecret(secret, key);
    expect(() => openSecret(stored, randomBytes(32))).toThrow();
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'B' : 'A') + stored.slice(-1);
    expect(() => openSecret(tampered, key)).toThrow();
    expect(() => openSecret(stored, undefined)).toThrow(SecretKeyMissingError);
  });

  it('keeps secrets stored before a key was configured readable', () => {
    const stored = sealSecret(secret, undefined);
    expect(isSealedWithKey(stored)).toBe(false);
    expect(openSecret(stored, key)).toBe(secret);
    expect(openSecret(stored, undefined)).toBe(secret);
  });
});
