import type { ValidationError } from 'class-validator';
import { ApiException, FieldErrors } from './api-exception';

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) into[field] = [...(into[field] ?? []), ...messages];
    if (error.children?.length) collect(error.children, field, into);
  }
  return into;
}

/** Flattens class-validator output into `{ "field.path": [messages] }` for the 422 envelope. */
export function toFieldErrors(errors: ValidationError[]): FieldErrors {
  return collect(errors, '', {});
}

export function validationExceptionFactory(errors: ValidationError[]): ApiException {
  return ApiException.validation(toFieldErrors(errors));
}
