import type { Reflector } from '@nestjs/core';
import type { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { AUTH_GROUPS_KEY, IDENTIFIES_VIEWER_KEY, IS_PUBLIC_KEY } from './auth.decorators';

/** `viewer`: a public route that identifies a caller who shows a valid token (`@OptionalAuth()`). */
export type RouteAccess = { public: true; viewer?: true } | { public: false; groups: readonly UserGroupName[] };

/**
 * What a route declares: the handler's own `@Public()` / `@Auth()` wins over its controller's.
 * `null` when neither declares anything: such a route is refused (fail closed).
 */
export function resolveRouteAccess(reflector: Reflector, handler: Function, controller: Function): RouteAccess | null {
  for (const target of [handler, controller]) {
    if (reflector.get<boolean | undefined>(IS_PUBLIC_KEY, target)) {
      return reflector.get<boolean | undefined>(IDENTIFIES_VIEWER_KEY, target) ? { public: true, viewer: true } : { public: true };
    }
    const groups = reflector.get<UserGroupName[] | undefined>(AUTH_GROUPS_KEY, target);
    if (groups) return { public: false, groups };
  }
  return null;
}
