import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderError } from './render-error';

/** The single exception filter: every failure leaves as the error envelope. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const rendered = renderError(exception);
    if (rendered.unexpected) {
      this.logger.error({ err: exception, reqId: request.id, method: request.method, url: request.url }, 'Unhandled error');
    }
    void reply.status(rendered.status).headers(rendered.headers).send(rendered.body);
  }
}
