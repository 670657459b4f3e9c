import { HttpStatus } from '@nestjs/common';

export type FieldErrors = Record<string, string[]>;

/** The one error type services throw; the exception filter renders it as the error envelope. */
export class ApiException extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiException';
  }

  static validation(errors: FieldErrors): ApiException {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'The given data was invalid.', errors);
  }
}

type Catalog = Record<string, readonly [status: number, message: string]>;

export interface ErrorCatalog<Code extends string> {
  (code: Code): ApiException;
  /** The message `code` is answered with, for the OpenAPI declaration of the same error. */
  message(code: Code): string;
}

/**
 * Turns a module's table of error codes into a typed factory, so services throw
 * `projectError('NotFound')` and never build status codes or messages by hand.
 */
export function errorCatalog<const T extends Catalog>(catalog: T): ErrorCatalog<keyof T & string> {
  const build = (code: keyof T & string): ApiException => {
    const [status, message] = catalog[code];
    return new ApiException(status, message);
  };
  return Object.assign(build, { message: (code: keyof T & string) => catalog[code][1] });
}

type FieldCatalog = Record<string, readonly [field: string, message: string]>;

/** The same for business-rule 422s that name one field: `{ errors: { [field]: [message] } }`. */
export function validationErrorCatalog<const T extends FieldCatalog>(catalog: T): (code: keyof T & string) => ApiException {
  return (code) => {
    const [field, message] = catalog[code];
    return ApiException.validation({ [field]: [message] });
  };
}
