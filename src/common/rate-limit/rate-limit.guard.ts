import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { accountSubject } from './account-subject';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import { RateLimitExceededException } from './rate-limit-exceeded.exception';
import type { RateLimitRule } from './rate-limit.rules';
import { RateLimitService } from './rate-limit.service';

/**
 * Enforces `@RateLimit(...)` before validation and business rules, answering 429 with a
 * `detail` and `Retry-After`. A per-account rule skips a body without a valid e-mail, which
 * validation then refuses (422); the per-IP rules still count it.
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
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    for (const rule of rules) {
      const subject = subjectOf(rule, request);
      if (subject === null) continue;
      const decision = await this.limits.hit(rule, subject);
      if (!decision.allowed) {
        context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(decision.retryAfterSeconds));
        throw new RateLimitExceededException(decision.retryAfterSeconds);
      }
    }
    return true;
  }
}

function subjectOf(rule: RateLimitRule, request: AuthenticatedRequest): string | null {
  switch (rule.by) {
    case 'ip':
      return request.ip;
    case 'body-email':
      return accountSubject((request.body as { email?: unknown } | null | undefined)?.email);
    case 'user':
      // The global AuthGuard runs first (AppModule registers it before this module's guard).
      if (!request.user) throw new Error(`Rate limit ${rule.name} is per user: the route needs @Auth()`);
      return String(request.user.id);
  }
}
