import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const PAT_PREFIX = 'wwpat_';
export const ACCESS_TOKEN_PREFIX = 'wwat_';
export const REFRESH_TOKEN_PREFIX = 'wwrt_';
export const CLIENT_SECRET_PREFIX = 'wwcs_';

/** 256 bits of randomness, URL-safe, with a prefix so leaked tokens are recognisable by scanners. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function hashesMatch(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
