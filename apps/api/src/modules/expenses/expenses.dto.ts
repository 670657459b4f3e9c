import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  DATE_RANGE_TEXT,
  DateRangeQuery,
  isCalendarDate,
  isDatabaseId,
  isDateOnly,
  MONEY_COLUMN,
  OptionalUuidQuery,
  PaginationQueryDto,
  parseDecimal,
  parseUuid,
  ToBoolean,
  ToInteger,
  Trim,
} from '@app/common';
import { Transform } from 'class-transformer';
import { IsBoolean, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';

/** numeric(12, 2) above zero: with two decimals, "> 0" is "at least 0.01" (expenses.md). */
export const EXPENSE_AMOUNT = { ...MONEY_COLUMN, min: '0.01' } as const;
export const MAX_EXPENSE_NAME = 255;
export const MAX_NOTE = 1000;
export const EXPENSE_TYPES = ['billable', 'non-billable'] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

const EXAMPLE_UUID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';

export class ListExpensesQueryDto extends IntersectionType(
  PaginationQueryDto,
  DateRangeQuery({ matches: 'expenses whose `expense_date` falls in the range' }),
) {
  @ApiPropertyOptional({ type: 'string', format: 'uuid', description: 'Only the expense with this id.' })
  @OptionalUuidQuery()
  id?: string;
}

export class ListExpenseCategoriesQueryDto extends PaginationQueryDto {}

type Check = readonly [holds: (value: unknown) => boolean, message: string | ((value: unknown) => string)];

/** One rule, one message: the first failing check of `checks` names the problem. */
function Rule(name: string, checks: readonly Check[]): PropertyDecorator {
  const failing = (value: unknown) => checks.find(([holds]) => !holds(value));
  const messageOf = (value: unknown): string => {
    const message = failing(value)?.[1] ?? '';
    return typeof message === 'function' ? message(value) : message;
  };
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ value }: ValidationArguments) => messageOf(value) },
      validator: { validate: (value: unknown) => failing(value) === undefined },
    });
}

const isPresent = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): boolean => typeof value === 'string';
/** Create: required (and never null). Update: may be left out, but when sent it must hold a value. */
type Presence = 'required' | 'optional';
const presence = (field: string, mode: Presence): Check[] =>
  mode === 'required' ? [[isPresent, `The ${field} field is required.`]] : [[isPresent, `The ${field} field must not be null.`]];
const whenSent = (mode: Presence): PropertyDecorator[] =>
  mode === 'optional' ? [ValidateIf((_dto: object, value: unknown) => value !== undefined)] : [];

function ExpenseName(mode: Presence): PropertyDecorator {
  return applyDecorators(
    Trim(),
    ...whenSent(mode),
    Rule('isExpenseName', [
      ...presence('expense name', mode),
      [isString, 'The expense name must be a string.'],
      [(value) => value !== '', `The expense name field ${mode === 'required' ? 'is required' : 'must not be empty'}.`],
      [(value) => (value as string).length <= MAX_EXPENSE_NAME, `The expense name must not be longer than ${MAX_EXPENSE_NAME} characters.`],
    ]),
  );
}

function ExpenseDate(mode: Presence): PropertyDecorator {
  return applyDecorators(
    ...whenSent(mode),
    Rule('isExpenseDate', [
      ...presence('date', mode),
      [isCalendarDate, 'The date must be a valid date in YYYY-MM-DD format.'],
      [isDateOnly, `The date ${DATE_RANGE_TEXT}`],
    ]),
  );
}

const AMOUNT_MESSAGES = {
  format: 'The amount must be a number.',
  scale: 'The amount must have at most 2 decimal places.',
  range: 'The amount must be greater than 0 and at most 9999999999.99.',
} as const;

/**
 * A JSON number (or the numeric text of a form body), read exactly by `parseDecimal`: never through float
 * arithmetic, no rounding. More than 2 decimals, zero, negative, non-finite or non-numeric values are a 422.
 */
function Amount(mode: Presence): PropertyDecorator {
  const parse = (value: unknown) => parseDecimal(value, EXPENSE_AMOUNT);
  return applyDecorators(
    ...whenSent(mode),
    Rule('isExpenseAmount', [
      ...presence('amount', mode),
      [
        (value) => parse(value).ok,
        (value) => {
          const result = parse(value);
          return result.ok ? AMOUNT_MESSAGES.format : AMOUNT_MESSAGES[result.reason];
        },
      ],
    ]),
  );
}

function CategoryId(mode: Presence): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => parseUuid(value) ?? value),
    ...whenSent(mode),
    Rule('isCategoryId', [
      ...presence('category id', mode),
      [(value) => parseUuid(value) !== undefined, 'The category id must be a UUID.'],
    ]),
  );
}

/** Create: an integer when sent. Update: an integer, or null for no project. */
function ProjectId({ nullable }: { nullable: boolean }): PropertyDecorator {
  return applyDecorators(
    ToInteger(),
    ValidateIf((_dto: object, value: unknown) => value !== undefined && (!nullable || value !== null)),
    Rule('isProjectId', [
      [(value) => typeof value === 'number' && Number.isInteger(value), 'The project id must be an integer.'],
      [isDatabaseId, 'The selected project_id is invalid.'],
    ]),
  );
}

function Note(field: 'note' | 'description', { nullable }: { nullable: boolean }): PropertyDecorator {
  return applyDecorators(
    Trim(),
    ValidateIf((_dto: object, value: unknown) => value !== undefined && (!nullable || value !== null)),
    Rule('isNote', [
      [isString, `The ${field} must be a string.`],
      [(value) => (value as string).length <= MAX_NOTE, `The ${field} must not be longer than ${MAX_NOTE} characters.`],
    ]),
  );
}

function Billable(): PropertyDecorator {
  return applyDecorators(
    ToBoolean(),
    ValidateIf((_dto: object, value: unknown) => value !== undefined),
    IsBoolean({ message: 'The is billable field must be true or false.' }),
  );
}

const AMOUNT_DOC = {
  type: 'number',
  minimum: 0.01,
  maximum: 9_999_999_999.99,
  description: 'Greater than 0, at most 2 decimals (exact: never rounded).',
} as const;
const NOTE_DOC = { type: 'string', maxLength: MAX_NOTE, example: 'Purchased office supplies for Q1' } as const;
const DESCRIPTION_DOC = { ...NOTE_DOC, description: 'Alias of `note` (canonical docs), used when `note` is absent.' } as const;

export class CreateExpenseDto {
  @ApiProperty({ type: 'string', minLength: 1, maxLength: MAX_EXPENSE_NAME, example: 'Office Supplies' })
  @ExpenseName('required')
  expense_name!: string;

  @ApiProperty({ type: 'string', format: 'date', example: '2024-01-15', description: 'The expense date, `YYYY-MM-DD`.' })
  @ExpenseDate('required')
  date!: string;

  @ApiProperty({ ...AMOUNT_DOC, example: 150.5 })
  @Amount('required')
  amount!: number | string;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    example: EXAMPLE_UUID,
    description: 'An expense category of the workspace (422 otherwise).',
  })
  @CategoryId('required')
  category_id!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 100, description: "A live project within the caller's project scope." })
  @ProjectId({ nullable: false })
  project_id?: number;

  @ApiPropertyOptional(NOTE_DOC)
  @Note('note', { nullable: false })
  note?: string;

  @ApiPropertyOptional(DESCRIPTION_DOC)
  @Note('description', { nullable: false })
  description?: string;

  @ApiPropertyOptional({ type: 'boolean', default: false, example: true })
  @Billable()
  is_billable?: boolean;
}

/** Partial update (conventions.md): fields left out keep their value; `project_id`, `note` and `description` may be null. */
export class UpdateExpenseDto {
  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: MAX_EXPENSE_NAME, example: 'Office Supplies' })
  @ExpenseName('optional')
  expense_name?: string;

  @ApiPropertyOptional({ type: 'string', format: 'date', example: '2024-01-16' })
  @ExpenseDate('optional')
  date?: string;

  @ApiPropertyOptional({ ...AMOUNT_DOC, example: 160 })
  @Amount('optional')
  amount?: number | string;

  @ApiPropertyOptional({ type: 'string', format: 'uuid', example: EXAMPLE_UUID, description: 'An expense category of the workspace.' })
  @CategoryId('optional')
  category_id?: string;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    example: 100,
    description: "A live project within the caller's project scope; `null` for none.",
  })
  @ProjectId({ nullable: true })
  project_id?: number | null;

  @ApiPropertyOptional({ ...NOTE_DOC, nullable: true })
  @Note('note', { nullable: true })
  note?: string | null;

  @ApiPropertyOptional({ ...DESCRIPTION_DOC, nullable: true })
  @Note('description', { nullable: true })
  description?: string | null;

  @ApiPropertyOptional({ type: 'boolean', example: false })
  @Billable()
  is_billable?: boolean;
}

export class ExpenseResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid', example: EXAMPLE_UUID }) id!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'John Doe', description: "The creator's full name." })
  member!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Jan 15, 2024', description: 'The expense date, `MMM D, YYYY`.' })
  expense_date!: string | null;
  @ApiProperty({ type: 'string', example: 'Office Supplies' }) expense_name!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'Marketing Campaign Q1', description: 'Project name.' })
  project!: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: 'Office Supplies', description: 'Category name.' })
  category!: string | null;
  @ApiProperty({ type: 'number', example: 150.5 }) amount!: number;
  @ApiProperty({ type: 'string', nullable: true, example: 'Purchased office supplies for Q1' }) note!: string | null;
  @ApiProperty({ enum: EXPENSE_TYPES, enumName: 'ExpenseType', example: 'billable', description: 'From `is_billable`.' })
  type!: ExpenseType;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Jan 15, 2024',
    description: "Creation date, `MMM D, YYYY`, in the workspace owner's time zone (UTC when unset). The name really is `added_dte`.",
  })
  added_dte!: string | null;
}

export class ExpenseCategoryResponseDto {
  @ApiProperty({ type: 'string', format: 'uuid', example: 'b2c3d4e5-f6a7-8901-bcde-f12345678901' }) id!: string;
  @ApiProperty({ type: 'string', example: 'Office Supplies' }) name!: string;
}
