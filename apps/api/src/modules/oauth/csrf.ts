import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CSRF_COOKIE = 'ww_csrf';
export const SESSION_COOKIE = 'ww_session';

const cookieOptions = (request: FastifyRequest) =>
  ({ path: '/oauth', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' }) as const;

/**
 * Double-submit CSRF protection for the sign-in and consent forms: a random cookie (SameSite=Strict)
 * that the form must echo. A cross-site page can neither read the cookie nor make the browser send it.
 */
export function issueCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(request));
  return token;
}

export function csrfTokenIsValid(request: FastifyRequest, submitted: unknown): boolean {
  const cookie = request.cookies[CSRF_COOKIE];
  if (!cookie || typeof submitted !== 'string' || cookie.length !== submitted.length) return false;
  return timingSafeEqual(Buffer.from(cookie), Buffer.from(submitted));
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), sameSite: 'lax', maxAge: 8 * 3600 });
}
