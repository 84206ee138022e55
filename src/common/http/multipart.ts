import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/**
 * Installs `@fastify/multipart` without letting it read anything ahead of the handler: a route
 * that takes `multipart/form-data` streams the parts itself (`request.parts(limits)`), so it can
 * cut an upload off at its cap instead of buffering it; every other route sees no body. A
 * response sent before a multipart body was read to its end closes the connection, so the client
 * is not left sending bytes that nobody will read.
 */
export function installMultipart(fastify: FastifyInstance): void {
  void fastify.register(fastifyMultipart, { throwFileSizeLimit: false });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.isMultipart() && !request.raw.readableEnded) void reply.header('connection', 'close');
    done(null, payload);
  });
}
