import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { DocsAccess } from '../common/auth/docs-access.service';
import { RateLimitExceededException } from '../common/rate-limit/rate-limit-exceeded.exception';

/**
 * An `onRequest` hook for pages served on Fastify outside Nest's controllers (the API docs, the
 * queue dashboard): admins only, by Bearer token or HTTP Basic (`DocsAccess`). A refusal is the
 * guard's `{"detail"}` answer; a 401 carries `challenge` so that a browser asks for credentials,
 * a 429 its `Retry-After`.
 */
export function adminPageGuard(access: DocsAccess, challenge: string): onRequestHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      await access.authorize(request.headers.authorization, request.ip);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      if (error.getStatus() === 401) reply.header('WWW-Authenticate', challenge);
      if (error instanceof RateLimitExceededException) reply.header('Retry-After', String(error.retryAfterSeconds));
      return reply.code(error.getStatus()).send({ detail: error.message });
    }
  };
}
