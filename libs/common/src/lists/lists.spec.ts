import { describe, expect, it } from '@jest/globals';
import { IntersectionType } from '@nestjs/swagger';
import { ApiException } from '../errors/api-exception';
import { PaginationQueryDto } from '../pagination/pagination-query.dto';
import { ApiValidationPipe } from '../validation/api-validation.pipe';
import { IsDateOnly } from '../validation/is-date-only.decorator';
import { IsNotBeforeDate, MaxDateSpan } from './date-order.validators';
import { DateRangeQuery, DateRangeQueryDto } from './date-range-query';
import { OrderByQuery, SortDirection, sqlDirection } from './order-by';

class ListTimesheetsQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQueryDto) {
  @OrderByQuery('desc', 'Sorts by created_at.')
  order_by!: SortDirection;
}

/** The direction also survives being mixed in from another class. */
class SortedDto {
  @OrderByQuery('asc', 'Sorts by task id.')
  order_by!: SortDirection;
}
class ListTasksQueryDto extends IntersectionType(PaginationQueryDto, SortedDto) {}

class ListTimeRequestsQueryDto extends IntersectionType(PaginationQueryDto, DateRangeQuery({ required: true, maxDays: 31 })) {}

class CreateLeaveDto {
  @IsDateOnly()
  start!: string;

  @IsDateOnly()
  @IsNotBeforeDate('start')
  @MaxDateSpan('start', 366)
  end!: string;
}

const pipe = new ApiValidationPipe();

async function query<T>(metatype: new () => T, value: Record<string, unknown>): Promise<T> {
  return (await pipe.transform(value, { type: 'query', metatype })) as T;
}

async function errorsOf(metatype: new () => unknown, value: Record<string, unknown>, type: 'query' | 'body' = 'query') {
  try {
    await pipe.transform(value, { type, metatype });
  } catch (error) {
    if (error instanceof ApiException && error.status === 422) return error.errors;
    throw error;
  }
  throw new Error('expected a 422');
}

describe('DateRangeQuery', () => {
  it('accepts an ordered range, and leaves both dates optional by default', async () => {
    await expect(query(ListTimesheetsQueryDto, { date_from: '2024-01-01', date_to: '2024-01-31' })).resolves.toMatchObject({
      date_from: '2024-01-01',
      date_to: '2024-01-31',
    });
    await expect(query(ListTimesheetsQueryDto, { date_from: '2024-01-01', date_to: '2024-01-01' })).resolves.toMatchObject({
      date_to: '2024-01-01',
    });
    const empty = await query(ListTimesheetsQueryDto, {});
    expect([empty.date_from, empty.date_to]).toEqual([undefined, undefined]);
  });

  it('treats empty values as absent', async () => {
    const blank = await query(ListTimesheetsQueryDto, { date_from: '', date_to: '' });
    expect([blank.date_from, blank.date_to]).toEqual([undefined, undefined]);
  });

  it('answers 422 on date_to when it is before date_from', async () =>
    expect(await errorsOf(ListTimesheetsQueryDto, { date_from: '2024-02-01', date_to: '2024-01-31' })).toEqual({
      date_to: ['date_to must be a date on or after date_from.'],
    }));

  it('reports malformed dates on their own field only', async () =>
    expect(await errorsOf(ListTimesheetsQueryDto, { date_from: '2024-02-30', date_to: '2024-01-31' })).toEqual({
      date_from: ['date_from must be a valid date in YYYY-MM-DD format.'],
    }));

  it('requires both dates when asked, with one message each', async () => {
    expect(await errorsOf(ListTimeRequestsQueryDto, { date_from: '' })).toEqual({
      date_from: ['The date from field is required.'],
      date_to: ['The date to field is required.'],
    });
    await expect(query(ListTimeRequestsQueryDto, { date_from: '2024-01-01', date_to: '2024-01-31', page: '2' })).resolves.toMatchObject({
      date_from: '2024-01-01',
      page: 2,
    });
  });

  it('limits the span, counting both ends', async () => {
    await expect(query(ListTimeRequestsQueryDto, { date_from: '2024-01-01', date_to: '2024-01-31' })).resolves.toMatchObject({
      date_to: '2024-01-31',
    });
    expect(await errorsOf(ListTimeRequestsQueryDto, { date_from: '2024-01-01', date_to: '2024-02-01' })).toEqual({
      date_to: ['The range from date_from to date_to must not exceed 31 days.'],
    });
  });

  it('serves body fields too (a leave from start to end)', async () => {
    expect(await errorsOf(CreateLeaveDto, { start: '2026-02-12', end: '2026-02-10' }, 'body')).toEqual({
      end: ['end must be a date on or after start.'],
    });
    expect(await errorsOf(CreateLeaveDto, { start: '2026-01-01', end: '2027-01-02' }, 'body')).toEqual({
      end: ['The range from start to end must not exceed 366 days.'],
    });
  });

  it('documents optional dates without an example, and required ones with one', () => {
    const optional = Reflect.getMetadata('swagger/apiModelProperties', DateRangeQueryDto.prototype, 'date_from');
    expect(optional).toMatchObject({ required: false, type: 'string', format: 'date' });
    expect(optional).not.toHaveProperty('example');
    const required = Reflect.getMetadata('swagger/apiModelProperties', ListTimeRequestsQueryDto.prototype, 'date_to');
    expect(required).toMatchObject({ required: true, format: 'date', example: '2024-01-31' });
    expect(required.description).toContain('At most 31 days');
  });
});

describe('OrderByQuery', () => {
  it('fills in the default when order_by is absent or empty', async () => {
    expect((await query(ListTimesheetsQueryDto, {})).order_by).toBe('desc');
    expect((await query(ListTimesheetsQueryDto, { order_by: '' })).order_by).toBe('desc');
  });

  it('fills in the default of a mixed-in class too', async () => expect((await query(ListTasksQueryDto, {})).order_by).toBe('asc'));

  it('keeps a given direction', async () => expect((await query(ListTimesheetsQueryDto, { order_by: 'asc' })).order_by).toBe('asc'));

  it.each(['ASC', 'up', 'asc;DROP TABLE x', '1'])('answers 422 for %p', async (value) =>
    expect(await errorsOf(ListTimesheetsQueryDto, { order_by: value })).toEqual({ order_by: ['order_by must be asc or desc.'] }),
  );

  it('documents the enum and the default, without an example', () => {
    const property = Reflect.getMetadata('swagger/apiModelProperties', ListTimesheetsQueryDto.prototype, 'order_by');
    expect(property).toMatchObject({ required: false, enum: ['asc', 'desc'], enumName: 'SortDirection', default: 'desc' });
    expect(property).not.toHaveProperty('example');
  });

  it('maps directions to SQL and refuses anything else', () => {
    expect(sqlDirection('asc')).toBe('ASC');
    expect(sqlDirection('desc')).toBe('DESC');
    expect(() => sqlDirection('asc; DROP TABLE x' as SortDirection)).toThrow('Not a sort direction');
  });
});
