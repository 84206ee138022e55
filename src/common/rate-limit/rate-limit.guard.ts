import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import { RATE_LIMIT_MESSAGE, type RateLimitRule } from './rate-limit.rules';
import { RateLimitService } from './rate-limit.service';

/**
 * Enforces `@RateLimit(...)` before validation and business rules, answering 429 with a
 * `detail` and `Retry-After`. Keys never hold raw e-mail addresses: they are hashed.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rules = this.reflector.get<RateLimitRule[] | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (!rules?.length || !this.limits.enabled) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    for (const rule of rules) {
      const subject = subjectOf(rule, request);
      if (subject === null) continue;
      const decision = await this.limits.hit(rule, subject);
      if (!decision.allowed) {
        context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(decision.retryAfterSeconds));
        throw new HttpException(RATE_LIMIT_MESSAGE, HttpStatus.TOO_MANY_REQUESTS);
      }
    }
    return true;
  }
}

function subjectOf(rule: RateLimitRule, request: FastifyRequest): string | null {
  if (rule.by === 'ip') return request.ip;
  const email = (request.body as { email?: unknown } | undefined)?.email;
  // A body without a usable e-mail is left to validation (422); only the per-IP rules count it.
  if (typeof email !== 'string' || email.trim() === '') return null;
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}
