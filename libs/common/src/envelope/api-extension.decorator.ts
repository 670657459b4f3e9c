import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/**
 * A DTO property (body field, query parameter or response field) that the published WebWork API does not
 * have: documented with `x-extension: true`, so clients know it is not portable and the conformance check
 * (openapi/conformance.ts) tells it from a mismatch. Whole extension operations carry the `Extensions` tag instead.
 */
export function ApiExtensionProperty(options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({ required: false, ...options, 'x-extension': true } as unknown as ApiPropertyOptions);
}
