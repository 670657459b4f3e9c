import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, validateSync } from 'class-validator';
import { ApiException } from '../errors/api-exception';
import { isIanaTimeZone, IsIanaTimeZone } from './is-iana-time-zone.decorator';
import { ToBoolean } from './to-boolean.decorator';
import { Trim } from './trim.decorator';
import { parseUuid, UuidParamPipe } from './uuid-param.pipe';

class ExampleDto {
  @Trim()
  @IsOptional()
  @IsString()
  name?: unknown;

  @ToBoolean()
  @IsOptional()
  @IsBoolean({ message: '$property must be true or false.' })
  is_active?: unknown;

  @IsOptional()
  @IsIanaTimeZone()
  timezone?: unknown;
}

const transformed = (body: Record<string, unknown>): ExampleDto => plainToInstance(ExampleDto, body);
const errorsOf = (body: Record<string, unknown>): Record<string, string[]> =>
  Object.fromEntries(validateSync(transformed(body)).map((error) => [error.property, Object.values(error.constraints ?? {})]));

describe('Trim', () => {
  it('trims strings', () => expect(transformed({ name: '  Marketing \n' }).name).toBe('Marketing'));
  it.each([12, null, ['  a ']])('leaves %p alone', (value) => expect(transformed({ name: value }).name).toEqual(value));
});

describe('ToBoolean', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
    [true, true],
    [false, false],
    ['', undefined],
  ])('reads %p as %p', (value, boolean) => expect(transformed({ is_active: value }).is_active).toBe(boolean));

  it.each(['yes', 'TRUE', '2', ' 1', 1, 'toString'])('leaves %p for IsBoolean to refuse', (value) =>
    expect(errorsOf({ is_active: value })).toEqual({ is_active: ['is_active must be true or false.'] }),
  );
});

describe('IsIanaTimeZone', () => {
  it.each([
    'America/New_York',
    'UTC',
    'Europe/London',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/Argentina/Buenos_Aires',
    'Etc/GMT+5',
  ])('accepts %s', (zone) => expect(isIanaTimeZone(zone)).toBe(true));

  it.each([
    'Mars/Base',
    '+05:00',
    '-0500',
    'UTC+5',
    '',
    ' UTC',
    'America/New_York ',
    '../etc/passwd',
    `America/${'X'.repeat(60)}`,
    5,
    null,
  ])('rejects %p', (zone) => expect(isIanaTimeZone(zone)).toBe(false));

  it('says what it expects', () =>
    expect(errorsOf({ timezone: 'Mars/Base' })).toEqual({ timezone: ['timezone must be a valid IANA time zone, e.g. America/New_York.'] }));
});

describe('UuidParamPipe', () => {
  const pipe = new UuidParamPipe('Timesheet not found.');

  it('accepts canonical UUIDs and lowercases them', () => {
    expect(pipe.transform('a1b2c3d4-e5f6-7890-abcd-ef1234567890')).toBe('a1b2c3d4-e5f6-7890-abcd-ef1234567890');
    expect(pipe.transform('A1B2C3D4-E5F6-7890-ABCD-EF1234567890')).toBe('a1b2c3d4-e5f6-7890-abcd-ef1234567890');
  });

  it.each([
    '',
    'a1b2c3d4e5f67890abcdef1234567890',
    '{a1b2c3d4-e5f6-7890-abcd-ef1234567890}',
    'urn:uuid:a1b2c3d4-e5f6-7890-abcd-ef1234567890',
    'a1b2c3d4-e5f6-7890-abcd-ef123456789',
    'a1b2c3d4-e5f6-7890-abcd-ef12345678901',
    'g1b2c3d4-e5f6-7890-abcd-ef1234567890',
    ' a1b2c3d4-e5f6-7890-abcd-ef1234567890',
    'a1b2c3d4-e5f6-7890-abcd-ef1234567890\n',
    '12',
  ])('answers 404 for %p', (value) => {
    let error: unknown;
    try {
      pipe.transform(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiException);
    expect(error).toMatchObject({ status: 404, message: 'Timesheet not found.' });
  });

  it('refuses values that are not strings', () => expect(parseUuid(12)).toBeUndefined());
});
