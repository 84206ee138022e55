import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { redactUrl } from './redact';

/**
 * Fastify's request logging, reduced to one line per request once the response is sent:
 * `{request_id, method, url, status_code, duration_ms}` at `info` (with `err` at `error` when the
 * response failed). Fastify's separate "incoming request" and "route not found" lines are
 * dropped; the completed line says it all.
 */
export class AccessLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'request_id' });
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: redactUrl(request.url),
      status_code: reply.statusCode,
      duration_ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request completed');
  }
}
