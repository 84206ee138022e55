import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { runInRequestContext } from '../../core/logging/request-context';
import { REQUEST_ID_HEADER } from '../../core/logging/request-id';
import { RequestValidationInterceptor } from '../validation/request-validation.interceptor';
import { RequestValidationPipe } from '../validation/request-validation.pipe';
import { installBodyParsers } from './body-parsers';
import { HttpExceptionFilter } from './http-exception.filter';

/**
 * The HTTP conventions every route shares (CONTRACT.md A), installed before `app.init()`:
 * the request id (sent back as `X-Request-Id`, carried by every log line of the request), the
 * body parsers, request validation (422 lists: the interceptor gathers, the pipe converts) and the
 * exception filter (`{"detail": ...}`).
 */
export function installHttpFoundation(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    runInRequestContext(request.id, done);
  });
  installBodyParsers(app);
  app.useGlobalInterceptors(new RequestValidationInterceptor());
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
}

/**
 * The answer to a request Fastify's router refuses before any hook runs (a malformed URL: 400,
 * an over-long path parameter: 414), in the same `{"detail": ...}` shape, with the request id.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(error.statusCode ?? 400)
    .header(REQUEST_ID_HEADER, request.id)
    .send({ detail: error.message });
}
