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
