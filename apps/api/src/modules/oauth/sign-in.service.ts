import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BrowserSession, generateSecret, hashSecret, User } from '@app/auth';
import argon2 from 'argon2';
import { DataSource, MoreThan } from 'typeorm';
import { SignInThrottleService, throttleKeys } from './sign-in-throttle.service';

const SESSION_TTL_MS = 8 * 3_600_000;
// Verified against when there is no password to check, so every attempt costs one argon2 verification.
const DUMMY_HASH = await argon2.hash('not-a-real-password');

export type SignInResult = { ok: true; sessionToken: string } | { ok: false };

/**
 * Email + password sign-in for the authorization pages. Every attempt does the same work (one user lookup,
 * one throttle check, one argon2 verification) and every failure looks the same, whether the account is
 * unknown, the password wrong, the account disabled or the attempt throttled, so answers reveal no accounts.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: SignInThrottleService,
  ) {}

  async signIn(email: string, password: string, clientIp: string): Promise<SignInResult> {
    const normalized = email.trim().toLowerCase();
    const keys = throttleKeys(normalized, clientIp);
    const user = await this.dataSource.getRepository(User).findOneBy({ email: normalized });
    const admitted = await this.throttle.admit(keys);
    const valid = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!admitted || !valid || !user?.passwordHash || user.isDisabled) return { ok: false };
    await this.throttle.succeeded(keys);
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
    await this.dataSource.getRepository(User).update({ id: userId }, { passwordHash: await argon2.hash(password) });
  }

  private async openSession(userId: number): Promise<string> {
    const token = generateSecret('wwss_');
    await this.dataSource
      .getRepository(BrowserSession)
      .insert({ sessionHash: hashSecret(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
    return token;
  }
}
