import { decimalToJsonNumber } from '@app/common';
import { displayDate } from './display-date';
import { ExpenseCategoryResponseDto, ExpenseResponseDto } from './expenses.dto';

/** An expense as the read statements select it (snake_case; dates as `YYYY-MM-DD`, the amount as numeric text). */
export interface ExpenseRow {
  id: string;
  user_id: number;
  firstname: string | null;
  lastname: string | null;
  expense_date: string;
  expense_name: string;
  project_name: string | null;
  category_name: string | null;
  amount: string;
  note: string | null;
  is_billable: boolean;
  /** The creation instant's date in the workspace owner's time zone (UTC when unset). */
  added_date: string;
}

export interface ExpenseCategoryRow {
  id: string;
  name: string;
}

/** `John Doe`; null when the creator has no name at all (Expense.member is nullable). */
const fullName = (firstname: string | null, lastname: string | null): string | null =>
  [firstname, lastname]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ') || null;

/** The documented Expense: names instead of ids, display dates, `type` from `is_billable`, the amount as a JSON number. */
export function toExpenseResponse(row: ExpenseRow): ExpenseResponseDto {
  return {
    id: row.id,
    member: fullName(row.firstname, row.lastname),
    expense_date: displayDate(row.expense_date),
    expense_name: row.expense_name,
    project: row.project_name,
    category: row.category_name,
    amount: decimalToJsonNumber(row.amount),
    note: row.note,
    type: row.is_billable ? 'billable' : 'non-billable',
    added_dte: displayDate(row.added_date),
  };
}

export const toExpenseCategoryResponse = (row: ExpenseCategoryRow): ExpenseCategoryResponseDto => ({ id: row.id, name: row.name });
