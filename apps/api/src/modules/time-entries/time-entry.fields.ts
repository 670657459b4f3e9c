import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_DATABASE_ID, ToNumber, Trim } from '@app/common';
import { IsDefined, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** Field decorators shared by the time-tracking and time-entry bodies. */

const label = (field: string): string => field.replace(/_/g, ' ');

const idRules = (field: string): PropertyDecorator[] => [
  ToNumber(),
  IsInt({ message: `The ${label(field)} must be an integer.` }),
  Min(1, { message: `The selected ${field} is invalid.` }),
  Max(MAX_DATABASE_ID, { message: `The selected ${field} is invalid.` }),
];

/** A required integer id in the body (or query, for reads). */
export function RequiredId(field: string, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_DATABASE_ID, example: 100, ...(description ? { description } : {}) }),
    IsDefined({ message: `The ${label(field)} field is required.` }),
    ...idRules(field),
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

/** A wall-clock time `HH:mm` on the entry's date in the member's zone. */
export function Clock(required: boolean, description: string, example: string): PropertyDecorator {
  const field = required ? ApiProperty : ApiPropertyOptional;
  return applyDecorators(
    field({ type: 'string', pattern: CLOCK_PATTERN.source, example, description }),
    ...(required
      ? [IsDefined({ message: 'The $property field is required.' })]
      : [ValidateIf((_dto: object, value: unknown) => value !== undefined)]),
    IsString({ message: '$property must be a time in HH:mm format.' }),
    Matches(CLOCK_PATTERN, { message: '$property must be a time in HH:mm format.' }),
  );
}
