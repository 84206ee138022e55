import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The absolute URL of a request without its query: scheme, `Host` header and path as received. */
export function requestUrl(request: FastifyRequest): string {
  const path = request.url.split('?', 1)[0];
  return `${request.protocol}://${request.host}${path}`;
}

/**
 * Injects `requestUrl(request)`, the base of pagination links (`pageMeta`), so that services get
 * a string rather than the request.
 */
export const RequestUrl = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  requestUrl(context.switchToHttp().getRequest<FastifyRequest>()),
);
