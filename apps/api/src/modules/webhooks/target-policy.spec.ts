import { describe, expect, it } from '@jest/globals';
import {
  AllowList,
  checkWebhookTarget,
  classifyAddress,
  INVALID_TARGET_URL_MESSAGE,
  isPublicAddress,
  NON_PUBLIC_TARGET_MESSAGE,
  parseTargetUrl,
  pinnedLookup,
  type LookupAll,
  type TargetCheck,
} from './target-policy';

/** A fake resolver: names map to fixed answers; anything else is NXDOMAIN. */
function resolver(answers: Record<string, string[]>): LookupAll & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string) => {
    calls.push(hostname);
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { calls });
}

const noDns = resolver({});

async function check(url: string, allowList: string[] = [], lookup: LookupAll = noDns): Promise<TargetCheck> {
  return checkWebhookTarget(url, { allowList, lookup });
}

async function refusedAddress(url: string, allowList: string[] = [], lookup: LookupAll = noDns) {
  const result = await check(url, allowList, lookup);
  expect(result.allowed).toBe(false);
  if (result.allowed) throw new Error('unreachable');
  expect(result.reason).toBe('non_public_address');
  expect(result.message).toBe(NON_PUBLIC_TARGET_MESSAGE);
  return result;
}

describe('webhook target policy: address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['febf::1', 'linkLocal'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::127.0.0.1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['::8.8.8.8', 'reserved'],
    ['64:ff9b::7f00:1', 'reserved'],
    ['2002:7f00:1::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['4000::1', 'reserved'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001::1',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toBe('public');
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses to classify something that is not an address', () => {
    expect(() => classifyAddress('example.com')).toThrow();
  });
});

describe('webhook target policy: URLs', () => {
  it.each([
    'not a url',
    '/relative/path',
    'ftp://example.com/x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'gopher://127.0.0.1/',
    'http://',
  ])('refuses %s as not an absolute http(s) URL', async (url) => {
    const result = await check(url);
    expect(result).toEqual({ allowed: false, reason: 'invalid_url', message: INVALID_TARGET_URL_MESSAGE });
  });

  it.each([
    'http://127.0.0.1/hook',
    'http://127.0.0.1:8080/hook',
    'https://10.1.2.3/hook',
    'http://172.20.0.5/',
    'http://192.168.0.10/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.1.1/',
    'http://0.0.0.0/',
    'http://0/',
    'http://255.255.255.255/',
    'http://224.0.0.251/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[::127.0.0.1]/',
    // Other spellings of 127.0.0.1 that the WHATWG URL parser normalises.
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://017700000001/',
    // 169.254.169.254 spelled as one decimal number and in hex.
    'http://2852039166/',
    'http://0xa9.0xfe.0xa9.0xfe/',
  ])('refuses the IP literal in %s without asking DNS', async (url) => {
    const lookup = resolver({});
    await refusedAddress(url, [], lookup);
    expect(lookup.calls).toEqual([]);
  });

  it('reports the normalised offending address and its class', async () => {
    const result = await refusedAddress('http://0x7f.1/');
    expect(result.offending).toBe('127.0.0.1');
    expect(result.addressClass).toBe('loopback');
    expect((await refusedAddress('http://[::ffff:a9fe:a9fe]/')).addressClass).toBe('linkLocal');
  });

  it.each(['http://localhost/', 'http://LOCALHOST:3000/x', 'http://localhost./', 'http://api.localhost/', 'https://a.b.localhost/'])(
    'refuses %s as loopback without asking DNS (RFC 6761)',
    async (url) => {
      const lookup = resolver({ localhost: ['93.184.215.14'], 'api.localhost': ['93.184.215.14'] });
      const result = await refusedAddress(url, [], lookup);
      expect(result.addressClass).toBe('loopback');
      expect(lookup.calls).toEqual([]);
    },
  );

  it.each([
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://METADATA.GOOGLE.INTERNAL./',
    'http://metadata/',
    'http://instance-data/',
    'http://metadata.goog/',
  ])('refuses the metadata host name in %s whatever it resolves to', async (url) => {
    const lookup = resolver({ 'metadata.google.internal': ['93.184.215.14'], metadata: ['93.184.215.14'] });
    const result = await refusedAddress(url, [], lookup);
    expect(result.offending).toMatch(/^(metadata|instance-data)/);
    expect(lookup.calls).toEqual([]);
  });

  it('allows a public IP literal and returns it to pin the connection', async () => {
    const result = await check('https://93.184.215.14/hook');
    expect(result).toMatchObject({
      allowed: true,
      hostname: '93.184.215.14',
      port: 443,
      addresses: [{ address: '93.184.215.14', family: 4 }],
    });
    const v6 = await check('http://[2606:4700:4700:0:0:0:0:1111]:8080/');
    expect(v6).toMatchObject({
      allowed: true,
      hostname: '2606:4700:4700::1111',
      port: 8080,
      addresses: [{ address: '2606:4700:4700::1111', family: 6 }],
    });
  });

  it('allows a host name only when every resolved address is public', async () => {
    const lookup = resolver({
      'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
      'mixed.example.com': ['93.184.215.14', '10.0.0.7'],
      'rebind.example.com': ['93.184.215.14', '::ffff:127.0.0.1'],
      'internal.example.com': ['192.168.3.4'],
      'v6local.example.com': ['2606:4700::1', 'fe80::abcd'],
    });
    const ok = await check('https://Hooks.Example.com./in', [], lookup);
    expect(ok).toMatchObject({
      allowed: true,
      hostname: 'hooks.example.com',
      port: 443,
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    });
    expect((await refusedAddress('https://mixed.example.com/', [], lookup)).offending).toBe('10.0.0.7');
    expect((await refusedAddress('https://rebind.example.com/', [], lookup)).addressClass).toBe('loopback');
    expect((await refusedAddress('https://internal.example.com/', [], lookup)).addressClass).toBe('private');
    expect((await refusedAddress('https://v6local.example.com/', [], lookup)).addressClass).toBe('linkLocal');
  });

  it('reports a host name that does not resolve (or resolves to nothing) as unresolvable', async () => {
    const empty: LookupAll = async () => [];
    for (const result of [await check('https://nowhere.invalid/'), await check('https://empty.example.com/', [], empty)]) {
      expect(result).toMatchObject({ allowed: false, reason: 'unresolvable' });
    }
  });

  it('counts a lookup that does not answer in time as unresolvable', async () => {
    const never: LookupAll = () => new Promise(() => undefined);
    const result = await checkWebhookTarget('https://slow.example.com/', { lookup: never, lookupTimeoutMs: 20 });
    expect(result).toMatchObject({ allowed: false, reason: 'unresolvable' });
  });

  it('uses the default port of the scheme', async () => {
    expect(await check('http://93.184.215.14/')).toMatchObject({ port: 80 });
    expect(await check('https://93.184.215.14/')).toMatchObject({ port: 443 });
  });
});

describe('webhook target policy: the allow-list', () => {
  it('permits a listed IP, and the same address mapped into IPv6', async () => {
    expect(await check('http://127.0.0.1:9999/hook', ['127.0.0.1'])).toMatchObject({
      allowed: true,
      addresses: [{ address: '127.0.0.1', family: 4 }],
    });
    expect(await check('http://[::ffff:127.0.0.1]/', ['127.0.0.1'])).toMatchObject({ allowed: true });
    expect(await check('http://0x7f.1/', ['127.0.0.1'])).toMatchObject({ allowed: true });
    await refusedAddress('http://127.0.0.2/', ['127.0.0.1']);
    await refusedAddress('http://10.0.0.1/', ['127.0.0.1']);
  });

  it('permits addresses in a listed CIDR (IPv4 and IPv6, bracketed or not)', async () => {
    const list = ['10.20.0.0/16', '[fd00:abcd::/32]', '::1'];
    expect(await check('http://10.20.30.40/', list)).toMatchObject({ allowed: true });
    await refusedAddress('http://10.21.0.1/', list);
    expect(await check('http://[fd00:abcd:1::5]/', list)).toMatchObject({ allowed: true });
    expect(await check('http://[::1]:8080/', list)).toMatchObject({ allowed: true });
    await refusedAddress('http://[fd00:abce::1]/', list);
  });

  it('needs every resolved address permitted: localhost is 127.0.0.1 and ::1', async () => {
    const onlyV4 = await refusedAddress('http://localhost:8080/', ['127.0.0.1']);
    expect(onlyV4.offending).toBe('::1');
    expect(await check('http://localhost:8080/', ['127.0.0.1', '::1'])).toMatchObject({
      allowed: true,
      hostname: 'localhost',
      addresses: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
  });

  it('permits every address of a listed host name, exact or by *.suffix', async () => {
    const lookup = resolver({ 'receiver.internal': ['10.9.8.7'], 'a.hooks.corp': ['192.168.1.2'], 'hooks.corp': ['192.168.1.3'] });
    expect(await check('http://receiver.internal/x', ['Receiver.Internal.'], lookup)).toMatchObject({
      allowed: true,
      addresses: [{ address: '10.9.8.7', family: 4 }],
    });
    expect(await check('http://a.hooks.corp/', ['*.hooks.corp'], lookup)).toMatchObject({ allowed: true });
    await refusedAddress('http://hooks.corp/', ['*.hooks.corp'], lookup);
    expect(await check('http://localhost/', ['localhost'])).toMatchObject({ allowed: true });
    expect(
      await check(
        'http://metadata.google.internal/',
        ['metadata.google.internal'],
        resolver({ 'metadata.google.internal': ['169.254.169.254'] }),
      ),
    ).toMatchObject({
      allowed: true,
    });
  });

  it('does not let an allowed address admit a metadata host name', async () => {
    await refusedAddress(
      'http://metadata.google.internal/',
      ['169.254.0.0/16'],
      resolver({ 'metadata.google.internal': ['169.254.169.254'] }),
    );
  });

  it('rejects a malformed CIDR entry', () => {
    expect(() => new AllowList(['10.0.0.0/33'])).toThrow(/CIDR/);
    expect(() => new AllowList(['nonsense/8'])).toThrow(/CIDR/);
    expect(new AllowList([' ', '']).isEmpty).toBe(true);
  });

  it('accepts a parsed AllowList as well as raw entries', async () => {
    expect(await checkWebhookTarget('http://127.0.0.1/', { allowList: new AllowList(['127.0.0.0/8']) })).toMatchObject({ allowed: true });
  });
});

describe('webhook target policy: helpers', () => {
  it('parseTargetUrl accepts only absolute http(s) URLs', () => {
    expect(parseTargetUrl('https://example.com/a?b=1')?.href).toBe('https://example.com/a?b=1');
    expect(parseTargetUrl('mailto:x@example.com')).toBeUndefined();
    expect(parseTargetUrl('example.com/hook')).toBeUndefined();
  });

  it('pinnedLookup answers only with the checked addresses', async () => {
    const lookup = pinnedLookup([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
    const one = await new Promise<unknown[]>((resolve) => lookup('evil.example', {}, (...args) => resolve(args)));
    expect(one).toEqual([null, '93.184.215.14', 4]);
    const all = await new Promise<unknown[]>((resolve) => lookup('evil.example', { all: true }, (...args) => resolve(args)));
    expect(all).toEqual([
      null,
      [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    ]);
    const v6 = await new Promise<unknown[]>((resolve) => lookup('evil.example', { family: 6 }, (...args) => resolve(args)));
    expect(v6).toEqual([null, '2606:2800:21f:cb07:6820:80da:af6b:8b2c', 6]);
    const none = await new Promise<unknown[]>((resolve) =>
      pinnedLookup([{ address: '93.184.215.14', family: 4 }])('x', 6, (...args) => resolve(args)),
    );
    expect((none[0] as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
    expect(() => pinnedLookup([])).toThrow();
  });
});
