import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { dateOnlyMessage, isDateOnly, parseCanonicalId } from '@app/common';
import { Expose, Transform } from 'class-transformer';
import { IsOptional, registerDecorator, ValidationArguments } from 'class-validator';

/** Longest list a report filter takes; far more than any screen selects, and it bounds the SQL arrays. */
export const MAX_LIST_ITEMS = 500;

/** Marks a value the list transform could not read, so the validator names the field. */
const INVALID = Symbol('invalid list');

/**
 * reports.md / conventions.md array filters: `users=1,2,3`, `users[]=1&users[]=2` and repeated `users=1&users=2`
 * all give `[1, 2, 3]`; `''` counts as absent. The bracket key is read here (whitelisting drops it afterwards).
 */
function toList(parse: (item: string) => unknown) {
  return ({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown => {
    const raw = [obj[key], obj[`${key}[]`]].flatMap((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));
    if (raw.length === 0) return undefined;
    if (raw.some((value) => typeof value !== 'string')) return INVALID;
    // Only an empty value is absent (conventions.md); a blank one (`users=%20`) is an item that is no id.
    if (raw.every((value) => value === '')) return undefined;
    const items = (raw as string[]).flatMap((value) => value.split(',')).map((item) => item.trim());
    const parsed = items.map(parse);
    return parsed.some((item) => item === undefined) ? INVALID : [...new Set(parsed)];
  };
}

function ListRule(message: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isReportList',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }: ValidationArguments) =>
          Array.isArray(value) && value.length > MAX_LIST_ITEMS ? `The $property may not have more than ${MAX_LIST_ITEMS} items.` : message,
      },
      validator: { validate: (value: unknown) => Array.isArray(value) && value.length > 0 && value.length <= MAX_LIST_ITEMS },
    });
}

const listDescription = (name: string, what: string, example: string): string =>
  `${what} Comma-separated (\`${name}=${example}\`) or bracket form (${example
    .split(',')
    .map((item) => `\`${name}[]=${item}\``)
    .join('&')}).`;

/** An integer-id list filter. */
export function IdListQuery(name: string, what: string, example: number[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      isArray: true,
      minimum: 1,
      description: listDescription(name, what, example.join(',')),
    }),
    Expose(),
    Transform(toList((item) => parseCanonicalId(item))),
    IsOptional(),
    ListRule(`The $property must be a list of ids (positive integers).`),
  );
}

/** A text list filter whose items match `allowed` (an enum list, or a pattern). */
export function TextListQuery(name: string, what: string, example: string[], allowed: readonly string[] | RegExp): PropertyDecorator {
  const accepts = (item: string): boolean => (Array.isArray(allowed) ? allowed.includes(item) : (allowed as RegExp).test(item));
  const schema = Array.isArray(allowed) ? { enum: [...allowed], isArray: true } : { type: 'string', isArray: true };
  return applyDecorators(
    ApiPropertyOptional({ ...schema, description: listDescription(name, what, example.join(',')) } as Parameters<
      typeof ApiPropertyOptional
    >[0]),
    Expose(),
    Transform(toList((item) => (accepts(item) ? item : undefined))),
    IsOptional(),
    ListRule(
      Array.isArray(allowed)
        ? `The $property must be a list of: ${allowed.join(', ')}.`
        : 'The $property must be a list of currency codes.',
    ),
  );
}

/** A `YYYY-MM-DD` report date; `''` counts as absent. */
export function ReportDate(name: string, options: { required: boolean; description: string; example: string }): PropertyDecorator {
  const schema = { type: 'string', format: 'date', description: options.description } as const;
  const requiredMessage = `The ${name.replace(/_/g, ' ')} field is required.`;
  return applyDecorators(
    options.required ? ApiProperty({ ...schema, required: true, example: options.example }) : ApiPropertyOptional(schema),
    Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value)),
    ...(options.required ? [] : [IsOptional()]),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isReportDate',
        target: target.constructor,
        propertyName: propertyName as string,
        options: {
          message: ({ value }: ValidationArguments) => (value === undefined || value === null ? requiredMessage : dateOnlyMessage(value)),
        },
        validator: { validate: isDateOnly },
      }),
  );
}
