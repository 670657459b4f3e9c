import { describe, expect, it } from '@jest/globals';
import { SIGN_IN_LIMITS, throttledAddress, throttleKeys } from './sign-in-throttle.service';

describe('throttledAddress', () => {
  it('counts IPv4 addresses as they are, also when IPv4-mapped', () => {
    expect(throttledAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttledAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttledAddress('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const prefix = '2001:db8:85a3:42::/64';
    expect(throttledAddress('2001:db8:85a3:42::1')).toBe(prefix);
    expect(throttledAddress('2001:0db8:85a3:0042:ffff:ffff:ffff:ffff')).toBe(prefix);
    expect(throttledAddress('2001:DB8:85A3:42:1:2:3:4%eth0')).toBe(prefix);
    expect(throttledAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttledAddress('fe80::')).toBe('fe80:0:0:0::/64');
    expect(throttledAddress('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('passes anything else through unchanged', () => {
    expect(throttledAddress('unknown')).toBe('unknown');
  });
});

describe('throttleKeys', () => {
  it('derives distinct fixed-size keys for the pair, the address and the account', () => {
    const keys = throttleKeys('victim@example.com', '203.0.113.7');
    expect(new Set(Object.values(keys)).size).toBe(3);
    for (const key of Object.values(keys)) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shares the address key across accounts and the account key across addresses', () => {
    const a = throttleKeys('a@example.com', '203.0.113.7');
    const b = throttleKeys('b@example.com', '203.0.113.7');
    const elsewhere = throttleKeys('a@example.com', '198.51.100.1');
    expect(b.address).toBe(a.address);
    expect(b.pair).not.toBe(a.pair);
    expect(elsewhere.account).toBe(a.account);
    expect(elsewhere.pair).not.toBe(a.pair);
    expect(throttleKeys('a@example.com', '2001:db8::1').pair).toBe(throttleKeys('a@example.com', '2001:db8::2').pair);
  });

  it('needs many addresses to reach the account ceiling', () => {
    expect(SIGN_IN_LIMITS.perAccount / SIGN_IN_LIMITS.perAccountAndAddress).toBeGreaterThanOrEqual(20);
  });
});
