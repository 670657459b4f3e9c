import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets that must be recovered (a webhook's signing token is sent back to its owner and used to sign every
 * delivery), so they cannot be hashed: with a key they are stored AES-256-GCM encrypted as
 * `enc:v1:<iv>:<tag>:<ciphertext>` (base64url), without one as `plain:<secret>`. The prefix says which, so
 * setting a key later keeps old rows readable (they are re-sealed when written again).
 */
const ENCRYPTED = 'enc:v1:';
const PLAIN = 'plain:';

export class SecretKeyMissingError extends Error {
  constructor() {
    super('A stored secret is encrypted but no key is configured (WEBHOOK_SECRET_KEY)');
    this.name = 'SecretKeyMissingError';
  }
}

export function sealSecret(secret: string, key: Buffer | undefined): string {
  if (!key) return `${PLAIN}${secret}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${ENCRYPTED}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${ciphertext.toString('base64url')}`;
}

export function openSecret(stored: string, key: Buffer | undefined): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  if (!stored.startsWith(ENCRYPTED)) throw new Error('Unrecognised stored secret format');
  if (!key) throw new SecretKeyMissingError();
  const [iv, tag, ciphertext] = stored.slice(ENCRYPTED.length).split(':');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

export function isSealedWithKey(stored: string): boolean {
  return stored.startsWith(ENCRYPTED);
}
