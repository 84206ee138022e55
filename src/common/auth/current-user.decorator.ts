import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { IDENTIFIES_VIEWER_KEY } from './auth.decorators';
import type { AuthenticatedRequest } from './auth.guard';
import type { AuthenticatedUser } from './authenticated-user';

/** The authenticated caller of an `@Auth()` route (set by `AuthGuard`). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  // Only reachable by using @CurrentUser() on a @Public() route: a programming error.
  if (!user) throw new Error('@CurrentUser() used on a route without @Auth()');
  return user;
});

/**
 * The caller of an `@OptionalAuth()` route when they showed a valid token, null for an anonymous
 * caller. On an `@Auth()` route it is the authenticated user, like `@CurrentUser()`. On a plain
 * `@Public()` route nobody is ever identified, so using it there is a programming error, not an
 * anonymous caller.
 */
export const Viewer = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser | null => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (user) return user;
  const identifies = [context.getHandler(), context.getClass()].some((target) => Reflect.getMetadata(IDENTIFIES_VIEWER_KEY, target) === true);
  if (!identifies) throw new Error('@Viewer() used on a route without @OptionalAuth() or @Auth()');
  return null;
});
