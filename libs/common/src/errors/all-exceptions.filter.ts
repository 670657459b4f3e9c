import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { asOAuthError, OAUTH_ERROR_PATHS } from './oauth-error-body';
import { renderError } from './render-error';

/** The single exception filter: every failure leaves as the error envelope. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const rendered = renderError(exception);
    if (rendered.unexpected) {
      // request.log carries the request id, so the 500 a client reports can be found in the log.
      request.log.error({ err: exception, method: request.method, route: request.routeOptions.url }, 'unhandled error');
    } else if (rendered.status === 503) {
      request.log.warn({ err: exception, method: request.method, route: request.routeOptions.url }, 'database unavailable');
    }
    if (OAUTH_ERROR_PATHS.has(request.url.split('?')[0])) {
      const oauth = asOAuthError(rendered);
      return void reply.status(oauth.status).headers(oauth.headers).send(oauth.body);
    }
    void reply.status(rendered.status).headers(rendered.headers).send(rendered.body);
  }
}
