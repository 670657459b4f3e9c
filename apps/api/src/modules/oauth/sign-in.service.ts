import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BrowserSession, generateSecret, hashSecret, User } from '@app/auth';
import argon2 from 'argon2';
import { DataSource, MoreThan } from 'typeorm';

const SESSION_TTL_MS = 8 * 3_600_000;
const LOCK_AFTER_FAILURES = 5;
const LOCK_MS = 15 * 60_000;
// Verified against when the email is unknown, so both paths cost one argon2 verification.
const DUMMY_HASH = await argon2.hash('not-a-real-password');

export type SignInResult = { ok: true; sessionToken: string } | { ok: false; reason: 'invalid' | 'locked' };

/** Email + password sign-in for the authorization pages: argon2id hashes, slow-down, then a temporary lock. */
@Injectable()
export class SignInService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async signIn(email: string, password: string): Promise<SignInResult> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
    if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) return { ok: false, reason: 'locked' };
    const valid = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !user.passwordHash || !valid || user.isDisabled) {
      if (user) return this.recordFailure(user.id);
      return { ok: false, reason: 'invalid' };
    }
    await this.dataSource.getRepository(User).update({ id: user.id }, { failedLoginCount: 0, lockedUntil: null });
    return { ok: true, sessionToken: await this.openSession(user.id) };
  }

  async userForSession(sessionToken: string | undefined): Promise<number | null> {
    if (!sessionToken) return null;
    const session = await this.dataSource
      .getRepository(BrowserSession)
      .findOneBy({ sessionHash: hashSecret(sessionToken), expiresAt: MoreThan(new Date()) });
    return session?.userId ?? null;
  }

  async setPassword(userId: number, password: string): Promise<void> {
    await this.dataSource
      .getRepository(User)
      .update({ id: userId }, { passwordHash: await argon2.hash(password), failedLoginCount: 0, lockedUntil: null });
  }

  private async openSession(userId: number): Promise<string> {
    const token = generateSecret('wwss_');
    await this.dataSource
      .getRepository(BrowserSession)
      .insert({ sessionHash: hashSecret(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
    return token;
  }

  /** Each failure waits longer (up to 2 s); the fifth in a row locks the account for 15 minutes. */
  private async recordFailure(userId: number): Promise<SignInResult> {
    const [row] = (await this.dataSource.query(
      `UPDATE users SET failed_login_count = failed_login_count + 1,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + ($3 || ' milliseconds')::interval ELSE locked_until END
        WHERE id = $1 RETURNING failed_login_count`,
      [userId, LOCK_AFTER_FAILURES, LOCK_MS],
    )) as [{ failed_login_count: number }[], number];
    const failures = row[0]?.failed_login_count ?? 1;
    await sleep(Math.min(2000, 100 * 2 ** failures));
    return { ok: false, reason: failures >= LOCK_AFTER_FAILURES ? 'locked' : 'invalid' };
  }
}
