import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACCEPT_INVITATION_PATH } from './invitation-token';

const CSRF_COOKIE = 'ww_invite_csrf';

/**
 * Double-submit CSRF protection for the accept form, as on the OAuth pages: a random SameSite=Strict cookie,
 * scoped to the invitation pages, that the form must echo.
 */
export function issueInvitationCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(CSRF_COOKIE, token, {
    path: `/${ACCEPT_INVITATION_PATH}`,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
  return token;
}

export function invitationCsrfTokenIsValid(request: FastifyRequest, submitted: unknown): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  if (!cookie || typeof submitted !== 'string' || cookie.length !== submitted.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(submitted));
}
