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
    // Flip one bit of the ciphertext itself (editing a base64 character can be a no-op or touch only padding bits).
    const parts = stored.split(':');
    const ciphertext = Buffer.from(parts[parts.length - 1], 'base64url');
    ciphertext[0] ^= 1;
    const tampered = [...parts.slice(0, -1), ciphertext.toString('base64url')].join(':');
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
