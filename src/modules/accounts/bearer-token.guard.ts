import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { extractBearerToken } from '../../common/auth/authorization-header';

type RequestWithBearer = FastifyRequest & { bearerToken?: string | null };

/**
 * For the two `@Public()` routes that handle the access token themselves instead of through the
 * global guard. Logout needs the header and answers its 401s before validating the body, as the
 * reference does (3.5); the token itself is checked later, by the service.
 */
@Injectable()
export class BearerHeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithBearer>();
    request.bearerToken = extractBearerToken(request.headers.authorization);
    return true;
  }
}

/** Refresh works without an access token (CONTRACT.md B7); one that is sent must be well-formed. */
@Injectable()
export class OptionalBearerHeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithBearer>();
    const header = request.headers.authorization;
    request.bearerToken = header === undefined ? null : extractBearerToken(header);
    return true;
  }
}

/** The token found by one of the guards above: a string, or `null` when none was sent. */
export const BearerToken = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | null => context.switchToHttp().getRequest<RequestWithBearer>().bearerToken ?? null,
);
