import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticator } from './authenticator.service';
import { resolveRouteAccess } from './route-access';

export type AuthenticatedRequest = FastifyRequest & { user?: AuthenticatedUser };

/**
 * The global guard (APP_GUARD): `@Public()` routes pass; `@Auth(...groups)` routes need an active
 * user of one of the groups, who is put on the request for `@CurrentUser()`. `@OptionalAuth()`
 * routes pass too, with the caller on the request (for `@Viewer()`) only when the token is good.
 * A route that declares neither is refused, so a forgotten decorator can never open a route; the
 * boot check (`RouteAuthCheck`) normally stops such an application from starting at all.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = resolveRouteAccess(this.reflector, context.getHandler(), context.getClass());
    if (!access) {
      // A programming error: logged by the exception filter, answered as a plain 500.
      throw new Error(`${context.getClass().name}.${context.getHandler().name} declares neither @Public() nor @Auth()`);
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (access.public) {
      if (access.viewer) request.user = (await this.authenticator.identify(request.headers.authorization)) ?? undefined;
      return true;
    }
    const user = await this.authenticator.authenticate(request.headers.authorization);
    this.authenticator.authorize(user, access.groups);
    request.user = user;
    return true;
  }
}
