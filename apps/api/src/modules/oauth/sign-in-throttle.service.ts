import { isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashSecret } from '@app/auth';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Failed sign-ins allowed per 15-minute window. A stranger at one address can spend only the pair budget on a
 * victim's account, so reaching the account ceiling takes 20 addresses; the victim, from any other address,
 * still signs in. Every limit counts an attempt the moment it is admitted (a success gives it back), so
 * parallel guesses cannot overshoot; attempts refused by a limit count towards nothing.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccountAndAddress: 5,
  perAddress: 20,
  perAccount: 100,
} as const;

export interface ThrottleKeys {
  pair: string;
  address: string;
  account: string;
}

/** Expands an IPv6 address into its eight 16-bit groups (without leading zeros). */
function ipv6Groups(ip: string): string[] {
  const toGroups = (part: string): string[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [group];
          const [a, b, c, d] = group.split('.').map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const zeros = Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}

/**
 * The address a limit counts: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, since one IPv6 client
 * usually holds a whole /64 and could otherwise step to a fresh address for every guess.
 */
export function throttledAddress(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  const address = ip.split('%')[0];
  if (!isIPv6(address)) return ip;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** `email` must already be normalized; unknown and known accounts get keys (and limits) alike. */
export function throttleKeys(email: string, ip: string): ThrottleKeys {
  const address = throttledAddress(ip);
  return {
    pair: hashSecret(`pair\n${email}\n${address}`),
    address: hashSecret(`address\n${address}`),
    account: hashSecret(`account\n${email}`),
  };
}

function limitsOf(keys: ThrottleKeys): Map<string, number> {
  return new Map([
    [keys.pair, SIGN_IN_LIMITS.perAccountAndAddress],
    [keys.address, SIGN_IN_LIMITS.perAddress],
    [keys.account, SIGN_IN_LIMITS.perAccount],
  ]);
}

/** Sign-in failure counters in PostgreSQL, shared by every server process. */
@Injectable()
export class SignInThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Admits an attempt and counts it as a failure, or refuses it (false) when any of its limits is reached; a
   * refused attempt must fail whatever the password.
   */
  async admit(keys: ThrottleKeys): Promise<boolean> {
    await this.sweep();
    const limits = limitsOf(keys);
    return this.dataSource.transaction(async (manager) => {
      const sorted = await this.lock(manager, keys);
      const rows = (await manager.query('SELECT key, failures FROM sign_in_throttles WHERE key = ANY($1) AND window_ends_at > now()', [
        sorted,
      ])) as { key: string; failures: number }[];
      if (rows.some((row) => row.failures >= (limits.get(row.key) ?? 0))) return false;
      await manager.query(
        `INSERT INTO sign_in_throttles AS t (key, failures, window_ends_at)
         SELECT key, 1, now() + $2 * interval '1 millisecond' FROM unnest($1::text[]) AS key
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.window_ends_at > now() THEN t.failures + 1 ELSE 1 END,
           window_ends_at = CASE WHEN t.window_ends_at > now() THEN t.window_ends_at ELSE EXCLUDED.window_ends_at END`,
        [sorted, SIGN_IN_LIMITS.windowMs],
      );
      return true;
    });
  }

  /** The admitted attempt succeeded: it was no failure, and the pair's earlier failures are forgotten. */
  async succeeded(keys: ThrottleKeys): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, keys);
      await manager.query('DELETE FROM sign_in_throttles WHERE key = $1', [keys.pair]);
      await manager.query('UPDATE sign_in_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = ANY($1)', [
        [keys.address, keys.account],
      ]);
    });
  }

  /**
   * Transaction-scoped advisory locks on the attempt's counters, always taken in the same order, so two
   * attempts sharing a counter queue up instead of both reading it below its limit (and never deadlock).
   */
  private async lock(manager: EntityManager, keys: ThrottleKeys): Promise<string[]> {
    const sorted = [keys.pair, keys.address, keys.account].sort();
    for (const key of sorted) await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [BigInt(`0x${key.slice(0, 15)}`).toString()]);
    return sorted;
  }

  /** Expired counters mean zero; a few are removed on each attempt, skipping any that an attempt holds. */
  private async sweep(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM sign_in_throttles WHERE key IN (
         SELECT key FROM sign_in_throttles WHERE window_ends_at <= now() LIMIT 100 FOR UPDATE SKIP LOCKED)`,
    );
  }
}
