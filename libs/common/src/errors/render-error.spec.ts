import { describe, expect, it } from '@jest/globals';
import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ApiException, errorCatalog, validationErrorCatalog } from './api-exception';
import { renderError } from './render-error';

describe('renderError (error envelope)', () => {
  it('renders an ApiException with its status, message, field errors and headers', () => {
    const rendered = renderError(new ApiException(401, 'Unauthenticated.', undefined, { 'WWW-Authenticate': 'Bearer' }));
    expect(rendered.status).toBe(401);
    expect(rendered.headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
    expect(rendered.body).toEqual({
      success: false,
      message: 'Unauthenticated.',
      error: 'Unauthorized',
      meta: expect.objectContaining({ api_version: '2.0.0' }),
    });
    expect(rendered.unexpected).toBe(false);
  });

  it('adds errors only on validation failures', () => {
    const rendered = renderError(ApiException.validation({ name: ['The name field is required.'] }));
    expect(rendered.status).toBe(422);
    expect(rendered.body).toMatchObject({
      message: 'The given data was invalid.',
      error: 'Unprocessable Entity',
      errors: { name: ['The name field is required.'] },
    });
  });

  it.each([
    [new NotFoundException('Cannot GET /x'), 404, 'Not found.'],
    [new BadRequestException('Unexpected token'), 400, 'Malformed request body.'],
    [new PayloadTooLargeException(), 413, 'Request body too large.'],
    [Object.assign(new Error('Body is too large'), { statusCode: 413 }), 413, 'Request body too large.'],
  ])('maps framework error %s to %i with a generic message', (error, status, message) => {
    const rendered = renderError(error);
    expect(rendered.status).toBe(status);
    expect(rendered.body.message).toBe(message);
    expect(JSON.stringify(rendered.body)).not.toContain('Cannot GET');
  });

  it('hides unexpected errors behind a generic 500', () => {
    const rendered = renderError(new TypeError('secret internals at /srv/app.js:12'));
    expect(rendered).toMatchObject({
      status: 500,
      unexpected: true,
      body: { message: 'An error occurred', error: 'Internal Server Error' },
    });
    expect(JSON.stringify(rendered.body)).not.toContain('secret');
  });

  it('builds typed module errors from a catalog', () => {
    const projectError = errorCatalog({ NotFound: [404, 'Project not found.'] } as const);
    expect(renderError(projectError('NotFound')).body.message).toBe('Project not found.');
    expect(projectError.message('NotFound')).toBe('Project not found.');
  });

  it('builds one-field 422s from a validation catalog', () => {
    const projectValidationError = validationErrorCatalog({ DeadlineBeforeStart: ['deadline', 'Too early.'] } as const);
    expect(renderError(projectValidationError('DeadlineBeforeStart'))).toMatchObject({
      status: 422,
      body: { message: 'The given data was invalid.', errors: { deadline: ['Too early.'] } },
    });
  });
});

describe('renderError (database rejections of client data)', () => {
  const queryFailed = (code: string): Error => Object.assign(new Error('query failed'), { driverError: { code } });

  it.each([
    ['22021', 422],
    ['22003', 422],
    ['23514', 422],
    ['23505', 409],
  ])('maps SQLSTATE %s to %i', (code, status) => {
    expect(renderError(queryFailed(code)).status).toBe(status);
  });

  it('keeps other database failures a 500', () => {
    expect(renderError(queryFailed('42P01')).status).toBe(500);
  });

  it.each([
    ['a terminated connection', queryFailed('57P01')],
    ['a server starting up', queryFailed('57P03')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a dropped socket', Object.assign(new Error('query failed'), { driverError: new Error('Connection terminated unexpectedly') })],
    ['several refused addresses', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {})],
  ])('answers %s with 503 and Retry-After', (_, error) => {
    const rendered = renderError(error);
    expect(rendered).toMatchObject({ status: 503, unexpected: false, body: { error: 'Service Unavailable' } });
    expect(rendered.headers['Retry-After']).toMatch(/^\d+$/);
  });
});
