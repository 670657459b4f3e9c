import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiException } from '../errors/api-exception';
import { parseCanonicalId } from './database-id';

/**
 * Path ids: only the canonical spelling of a positive integer in range is an id (`0x2`, `+2`, `2.0`, `02`
 * and ` 2` are not), and anything else is treated as not found (conventions.md). It must see the raw path
 * text, which ApiValidationPipe leaves untouched for path parameters.
 */
@Injectable()
export class IdParamPipe implements PipeTransform<unknown, number> {
  constructor(private readonly notFoundMessage: string) {}

  transform(value: unknown): number {
    const id = parseCanonicalId(value);
    if (id === undefined) throw new ApiException(404, this.notFoundMessage);
    return id;
  }
}
