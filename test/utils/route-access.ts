import { Reflector } from '@nestjs/core';
import { type RouteAccess, resolveRouteAccess } from '../../src/common/auth/route-access';

/**
 * What each handler of a controller declares (its own `@Public()` / `@Auth()`, or its
 * controller's), by method name: for the controllers' route-access specs (STYLE.md, "Controllers").
 */
export function routeAccessOf(controller: Function): Record<string, RouteAccess | null> {
  const reflector = new Reflector();
  const prototype = controller.prototype as Record<string, Function>;
  return Object.fromEntries(
    Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => [name, resolveRouteAccess(reflector, prototype[name], controller)]),
  );
}
