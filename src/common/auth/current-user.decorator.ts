import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
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
 * caller. On an `@Auth()` route it is the authenticated user, like `@CurrentUser()`.
 */
export const Viewer = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser | null => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().user ?? null;
});
