import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { ApiException } from '../errors/api-exception';
import { validationExceptionFactory } from '../errors/validation-exception.factory';
import { nulCharacterFields } from './nul-characters';

/**
 * The global pipe: class-validator DTOs (unknown fields stripped, values coerced), plus two rules that
 * hold for every operation:
 * - path parameters reach their own pipes as the raw text of the URL, so `IdParamPipe` can refuse
 *   `0x2` or `2.0` instead of seeing the number ValidationPipe's `Number()` made of it;
 * - no string that survives validation holds a NUL character (a field error, not a database error).
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: false, transform: true, exceptionFactory: validationExceptionFactory });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const transformed: unknown = await super.transform(value, metadata);
    // Only DTO-typed inputs: the OAuth endpoints read raw bodies and answer in RFC 6749 shape themselves.
    const isDto = typeof metadata.metatype === 'function' && metadata.metatype !== Object;
    if (isDto && (metadata.type === 'body' || metadata.type === 'query')) {
      const errors = nulCharacterFields(transformed);
      if (Object.keys(errors).length > 0) throw ApiException.validation(errors);
    }
    return transformed;
  }

  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}
