import { describe, expect, it } from '@jest/globals';
import { parseBasicCredentials, readClientCredentials } from './client-credentials';

const basic = (text: string): string => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
const ID = '9a1b2c3d4e5f60718293a4b5c6d7e8f9';
const SECRET = 'wwcs_abc-DEF_123';

describe('parseBasicCredentials', () => {
  it('reads id and secret, form-decoding both (RFC 6749 §2.3.1)', () => {
    expect(parseBasicCredentials(basic(`${ID}:${SECRET}`))).toEqual({ clientId: ID, clientSecret: SECRET });
    expect(parseBasicCredentials(basic('my%20app:a%2Bb+c%3Ad'))).toEqual({ clientId: 'my app', clientSecret: 'a+b c:d' });
    expect(parseBasicCredentials(`bAsIc   ${Buffer.from(`${ID}:`).toString('base64')}`)).toEqual({ clientId: ID, clientSecret: '' });
  });

  it('accepts base64 without its padding', () => {
    expect(parseBasicCredentials(basic(`${ID}:x`).replace(/=+$/, ''))).toEqual({ clientId: ID, clientSecret: 'x' });
  });

  it.each([
    ['bad percent-encoding', 'Basic JXp6OiV6eg=='],
    ['a truncated percent escape', basic(`${ID}:%E0%A4%A`)],
    ['an escape that is not UTF-8', basic(`${ID}:%C3%28`)],
    ['no credential', 'Basic '],
    ['no scheme separator', 'Basic'],
    ['characters outside base64', 'Basic !!!not*base64!!!'],
    ['padding inside the base64', `${basic(`${ID}:`)}=eA==`],
    ['non-canonical trailing bits', 'Basic YR=='],
    ['bytes that are not UTF-8', `Basic ${Buffer.from([0x61, 0x3a, 0xc3, 0x28]).toString('base64')}`],
    ['no colon', basic(ID)],
    ['an empty client id', basic(':secret')],
    ['an over-long client id', basic(`${'a'.repeat(65)}:x`)],
    ['an over-long secret', basic(`${ID}:${'x'.repeat(257)}`)],
    ['an over-long header', basic(`${ID}:${'%41'.repeat(2000)}`)],
    ['control characters', basic(`${ID}:sec\u0001ret`)],
    ['non-ASCII characters', basic(`${ID}:sécret`)],
  ])('refuses %s', (_name, header) => {
    expect(parseBasicCredentials(header)).toBeNull();
  });
});

describe('readClientCredentials', () => {
  it('takes HTTP Basic first and treats an empty secret as none (public client)', () => {
    expect(readClientCredentials(basic(`${ID}:${SECRET}`), {})).toEqual({
      kind: 'presented',
      method: 'basic',
      clientId: ID,
      clientSecret: SECRET,
    });
    expect(readClientCredentials(basic(`${ID}:`), { client_id: ID })).toEqual({ kind: 'presented', method: 'basic', clientId: ID });
  });

  it('reads body credentials when no Basic header is sent', () => {
    expect(readClientCredentials(undefined, { client_id: ID, client_secret: SECRET })).toEqual({
      kind: 'presented',
      method: 'body',
      clientId: ID,
      clientSecret: SECRET,
    });
    expect(readClientCredentials('Bearer wwat_x', { client_id: ID })).toEqual({ kind: 'presented', method: 'body', clientId: ID });
    expect(readClientCredentials(undefined, {})).toEqual({ kind: 'none' });
    expect(readClientCredentials(undefined, undefined)).toEqual({ kind: 'none' });
  });

  it('refuses a malformed Basic header as Basic, whatever the body holds', () => {
    expect(readClientCredentials('Basic JXp6OiV6eg==', { client_id: ID, client_secret: SECRET })).toEqual({
      kind: 'malformed',
      method: 'basic',
    });
  });

  it('refuses two authentication methods in one request', () => {
    expect(readClientCredentials(basic(`${ID}:${SECRET}`), { client_secret: SECRET })).toEqual({ kind: 'malformed', method: 'basic' });
    expect(readClientCredentials(basic(`${ID}:${SECRET}`), { client_id: 'other' })).toEqual({ kind: 'malformed', method: 'basic' });
  });

  it.each([
    [{ client_secret: SECRET }],
    [{ client_id: ['a', 'b'] }],
    [{ client_id: 'a'.repeat(65) }],
    [{ client_id: ID, client_secret: 'x'.repeat(257) }],
    [{ client_id: ID, client_secret: 'sec\u0001ret' }],
    [{ client_id: `${ID}\n`, client_secret: SECRET }],
    [{ client_id: ID, client_secret: 42 }],
  ])('refuses malformed body credentials %j', (body) => {
    expect(readClientCredentials(undefined, body)).toEqual({ kind: 'malformed', method: 'body' });
  });
});
