import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isDatabaseId, MAX_DATABASE_ID, ToInteger, Trim } from '@app/common';
import { IsString, MaxLength, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';

/** Field decorators shared by the time-tracking and time-entry bodies. */

const label = (field: string): string => field.replace(/_/g, ' ');

/** One message per failure: not an integer, or not an id. */
const idRules = (field: string): PropertyDecorator[] => [
  ToInteger(),
  (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDatabaseId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }: ValidationArguments) =>
          Number.isInteger(value) ? `The selected ${field} is invalid.` : `The ${label(field)} must be an integer.`,
      },
      validator: { validate: isDatabaseId },
    }),
];

const idRulesRequired = (field: string): PropertyDecorator[] => [
  ToInteger(),
  (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRequiredDatabaseId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }: ValidationArguments) =>
          value === undefined || value === null
            ? `The ${label(field)} field is required.`
            : Number.isInteger(value)
              ? `The selected ${field} is invalid.`
              : `The ${label(field)} must be an integer.`,
      },
      validator: { validate: isDatabaseId },
    }),
];

/** A required integer id in the body (or query, for reads). */
export function RequiredId(field: string, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, example: 100, ...(description ? { description } : {}) }),
    ...idRulesRequired(field),
  );
}

/** An optional id that may also be sent as null (no contract, no task). */
export function NullableId(field: string, description: string, example: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, nullable: true, example, description }),
    ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null),
    ...idRules(field),
  );
}

/** An optional id that, when present, is not null. */
export function OptionalId(field: string, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, example: 100, description }),
    ValidateIf((_dto: object, value: unknown) => value !== undefined),
    ...idRules(field),
  );
}

/** Free text that may be null; blank text is stored as null. */
export function NullableText(maxLength: number, example: string, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'string', nullable: true, maxLength, example, ...(description ? { description } : {}) }),
    Trim(),
    ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null),
    IsString({ message: '$property must be a string.' }),
    MaxLength(maxLength, { message: `$property must not be longer than ${maxLength} characters.` }),
  );
}

export const CLOCK_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A wall-clock time `HH:mm` on the entry's date in the member's zone; one message per failure. */
export function Clock(required: boolean, description: string, example: string): PropertyDecorator {
  const field = required ? ApiProperty : ApiPropertyOptional;
  return applyDecorators(
    field({ type: 'string', pattern: CLOCK_PATTERN.source, example, description }),
    ...(required ? [] : [ValidateIf((_dto: object, value: unknown) => value !== undefined)]),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isClock',
        target: target.constructor,
        propertyName: propertyName as string,
        options: {
          message: ({ value, property }: ValidationArguments) =>
            value === undefined || value === null
              ? `The ${label(property)} field is required.`
              : `${property} must be a time in HH:mm format.`,
        },
        validator: { validate: (value: unknown) => typeof value === 'string' && CLOCK_PATTERN.test(value) },
      }),
  );
}
