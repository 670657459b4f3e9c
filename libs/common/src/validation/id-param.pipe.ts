import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiException } from '../errors/api-exception';
import { isDatabaseId } from './database-id';

/** Path ids: anything but a positive integer is treated as not found (conventions.md). */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly notFoundMessage: string) {}

  transform(value: string): number {
    if (!/^\d{1,10}$/.test(value) || !isDatabaseId(Number(value))) throw new ApiException(404, this.notFoundMessage);
    return Number(value);
  }
}
