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

/**
 * Turns a module's table of error codes into a typed factory, so services throw
 * `projectError('NotFound')` and never build status codes or messages by hand.
 */
export function errorCatalog<const T extends Catalog>(catalog: T) {
  return (code: keyof T): ApiException => {
    const [status, message] = catalog[code];
    return new ApiException(status, message);
  };
}
