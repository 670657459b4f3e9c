import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiException } from '../errors/api-exception';

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lowercase form of a canonical 8-4-4-4-12 hex UUID in either case; undefined for anything else. */
export function parseUuid(text: unknown): string | undefined {
  return typeof text === 'string' && CANONICAL_UUID.test(text) ? text.toLowerCase() : undefined;
}

/**
 * UUID path ids (timesheets, time requests, time entries, leaves, expenses):
 * `@Param('timesheetId', new UuidParamPipe('Timesheet not found.')) id: string`. A malformed id is
 * treated as not found (conventions.md) and never reaches PostgreSQL, which would refuse it with an
 * error. Braces, URNs and hex without dashes are not ids.
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<unknown, string> {
  constructor(private readonly notFoundMessage: string) {}

  transform(value: unknown): string {
    const id = parseUuid(value);
    if (id === undefined) throw new ApiException(404, this.notFoundMessage);
    return id;
  }
}
