import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { REQUEST_ID_HEADER } from '../../core/logging/request-id';

export const HTTP_MESSAGES = {
  notFound: 'Not Found',
  methodNotAllowed: 'Method Not Allowed',
  internalError: 'Internal Server Error',
} as const;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * The one place where errors become responses (CONTRACT.md A): `{"detail": ...}` bodies.
 * - An `HttpException` keeps its status; its message is the detail (a response object that
 *   already has a `detail`, such as the 422 list, is sent as it is).
 * - An unmatched path is 404 `Not Found`; a path that exists for other methods is 405
 *   `Method Not Allowed` with an `Allow` header.
 * - Anything else is 500 `Internal Server Error`, never a stack trace; it is logged once, at
 *   `error`, with its stack and the request id. A deliberate 5xx `HttpException` (a 503 while a
 *   dependency is down) is logged at `warn`, with its cause.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const answer = answerFor(exception, request);
    if (!(exception instanceof HttpException)) request.log.error({ err: exception }, 'unhandled error');
    else if (answer.status >= 500) request.log.warn({ err: exception }, exception.message);
    if (reply.sent) return;
    reply
      .status(answer.status)
      // Always JSON, even when the route meant to answer HTML (`@Header('Content-Type', ...)`).
      .header('content-type', 'application/json; charset=utf-8')
      .header(REQUEST_ID_HEADER, request.id)
      .headers(answer.headers ?? {})
      .send(answer.body);
  }
}

function answerFor(exception: unknown, request: FastifyRequest): Answer {
  if (exception instanceof NotFoundException && request.is404) return routeNotFound(request);
  if (exception instanceof HttpException) return { status: exception.getStatus(), body: bodyOf(exception) };
  return { status: 500, body: { detail: HTTP_MESSAGES.internalError } };
}

function bodyOf(exception: HttpException): unknown {
  const response = exception.getResponse();
  if (typeof response === 'string') return { detail: response };
  if (typeof response === 'object' && response !== null) {
    if ('detail' in response) return response;
    if ('message' in response) return { detail: response.message };
  }
  return { detail: exception.message };
}

/** No route for this method: 405 if the path has routes for other methods, 404 otherwise. */
function routeNotFound(request: FastifyRequest): Answer {
  const server = request.server;
  const allowed = server.supportedMethods.filter((method) => server.findRoute({ method: method as HTTPMethods, url: request.url }) !== null);
  // A matched route may still send its request here (e.g. an empty path parameter): a plain 404.
  if (allowed.length === 0 || allowed.includes(request.method)) return { status: 404, body: { detail: HTTP_MESSAGES.notFound } };
  return { status: 405, body: { detail: HTTP_MESSAGES.methodNotAllowed }, headers: { allow: allowed.join(', ') } };
}
