import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { displayDate } from './display-date';
import { CreateExpenseDto, UpdateExpenseDto } from './expenses.dto';
import { toExpenseResponse } from './expenses.mapper';

const amountErrors = (amount: unknown, dto: typeof CreateExpenseDto | typeof UpdateExpenseDto = CreateExpenseDto): string[] => {
  const instance = plainToInstance(dto, {
    expense_name: 'Office Supplies',
    date: '2024-01-15',
    category_id: 'a1b2c3d4-e5f6-4890-abcd-ef1234567890',
    amount,
  });
  return validateSync(instance).flatMap((error) => (error.property === 'amount' ? Object.values(error.constraints ?? {}) : []));
};

describe('displayDate', () => {
  it.each([
    ['2024-01-15', 'Jan 15, 2024'],
    ['2024-01-05', 'Jan 5, 2024'],
    ['2024-02-29', 'Feb 29, 2024'],
    ['2023-12-31', 'Dec 31, 2023'],
    ['0001-09-01', 'Sep 1, 0001'],
  ])('writes %s as %s', (date, shown) => expect(displayDate(date)).toBe(shown));

  it('keeps null', () => expect(displayDate(null)).toBeNull());

  it.each(['2024-13-01', '2024-00-10', 'Jan 15, 2024', '2024-1-5', ''])('refuses %p rather than guess', (date) =>
    expect(() => displayDate(date)).toThrow(RangeError),
  );
});

describe('expense amounts', () => {
  it.each([150.5, 0.01, 1.5e2, '150.50', '20.05', 9_999_999_999.99])('accepts %p', (amount) => expect(amountErrors(amount)).toEqual([]));

  it.each([
    [0.001, 'The amount must have at most 2 decimal places.'],
    ['0.001', 'The amount must have at most 2 decimal places.'],
    [0.1 + 0.2, 'The amount must have at most 2 decimal places.'],
    [0, 'The amount must be greater than 0 and at most 9999999999.99.'],
    [-1, 'The amount must be greater than 0 and at most 9999999999.99.'],
    [-0.01, 'The amount must be greater than 0 and at most 9999999999.99.'],
    [10_000_000_000, 'The amount must be greater than 0 and at most 9999999999.99.'],
    ['1e309', 'The amount must be greater than 0 and at most 9999999999.99.'],
    [Infinity, 'The amount must be a number.'],
    [Number.NaN, 'The amount must be a number.'],
    ['abc', 'The amount must be a number.'],
    ['', 'The amount must be a number.'],
    [true, 'The amount must be a number.'],
    [undefined, 'The amount field is required.'],
    [null, 'The amount field is required.'],
  ])('refuses %p with one message: %s', (amount, message) => expect(amountErrors(amount)).toEqual([message]));

  it('lets an update leave the amount out, but not send it null', () => {
    expect(amountErrors(undefined, UpdateExpenseDto)).toEqual([]);
    expect(amountErrors(null, UpdateExpenseDto)).toEqual(['The amount field must not be null.']);
  });
});

describe('toExpenseResponse', () => {
  const row = {
    id: 'a1b2c3d4-e5f6-4890-abcd-ef1234567890',
    user_id: 100,
    firstname: 'John',
    lastname: 'Doe',
    expense_date: '2024-01-15',
    expense_name: 'Office Supplies',
    project_name: 'Marketing Campaign Q1',
    category_name: 'Office Supplies',
    amount: '150.50',
    note: 'Purchased office supplies for Q1',
    is_billable: true,
    added_date: '2024-01-15',
  };

  it('renders the documented Expense', () =>
    expect(toExpenseResponse(row)).toEqual({
      id: row.id,
      member: 'John Doe',
      expense_date: 'Jan 15, 2024',
      expense_name: 'Office Supplies',
      project: 'Marketing Campaign Q1',
      category: 'Office Supplies',
      amount: 150.5,
      note: 'Purchased office supplies for Q1',
      type: 'billable',
      added_dte: 'Jan 15, 2024',
    }));

  it('writes non-billable, exact amounts, and no member for a nameless creator', () =>
    expect(toExpenseResponse({ ...row, is_billable: false, amount: '9999999999.99', firstname: ' ', lastname: '' })).toMatchObject({
      type: 'non-billable',
      amount: 9_999_999_999.99,
      member: null,
    }));
});
