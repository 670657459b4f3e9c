import { generateSecret, hashesMatch, hashSecret } from '@app/auth';

const PREFIX = 'wwinv_';
const TOKEN = /^wwinv_[A-Za-z0-9_-]{43}$/;

/** Where an invitation link lands (members.md: `<app URL>/dashboard/accept-invitation/<token>`). */
export const ACCEPT_INVITATION_PATH = 'dashboard/accept-invitation';

/** 256 random bits; only the SHA-256 hash is stored, the token itself lives only in the link. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = generateSecret(PREFIX);
  return { token, hash: hashSecret(token) };
}

/** The hash to look a presented token up by, or null when it cannot be one of ours (no query then). */
export function invitationTokenHash(token: string): string | null {
  return TOKEN.test(token) ? hashSecret(token) : null;
}

/** The stored hash is compared in constant time, after the indexed lookup found the row. */
export const sameTokenHash = (stored: string, presented: string): boolean => hashesMatch(stored.trim(), presented);

export const invitationLink = (publicUrl: string, token: string): string => `${publicUrl}/${ACCEPT_INVITATION_PATH}/${token}`;
