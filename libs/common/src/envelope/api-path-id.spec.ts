import { describe, expect, it } from '@jest/globals';
import { ApiPathId } from './api-error-responses';

// @nestjs/swagger's API_PARAMETERS, which its package exports do not expose.
const API_PARAMETERS = 'swagger/apiParameters';

function parametersOf(decorator: MethodDecorator): unknown {
  class Controller {
    handler(): void {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Controller.prototype, 'handler')!;
  decorator(Controller.prototype, 'handler', descriptor);
  return Reflect.getMetadata(API_PARAMETERS, descriptor.value);
}

describe('ApiPathId', () => {
  it('declares a UUID path id as a string with format uuid', () =>
    expect(parametersOf(ApiPathId('timesheetId', { notFound: 'Timesheet not found.', type: 'uuid' }))).toEqual([
      expect.objectContaining({ name: 'timesheetId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }),
    ]));

  it('still declares integer ids with a minimum of 1', () =>
    expect(parametersOf(ApiPathId('projectId', { notFound: 'Project not found.', example: 100 }))).toEqual([
      expect.objectContaining({ schema: { type: 'integer', minimum: 1, example: 100 } }),
    ]));
});
