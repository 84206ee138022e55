import { Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { type RouteAccess, resolveRouteAccess } from './route-access';

export interface RouteInfo {
  /** `GET /movies/:id (MoviesController.findOne)` */
  name: string;
  access: RouteAccess | null;
}

function joinPaths(controllerPath: unknown, handlerPath: unknown): string {
  const first = (value: unknown): string => String((Array.isArray(value) ? value[0] : value) ?? '');
  const path = [first(controllerPath), first(handlerPath)]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

/** Every route handler of every controller in the application, with what it declares. */
export function listRoutes(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Function | null;
    if (!controller) continue;
    for (const methodName of scanner.getAllMethodNames(controller.prototype)) {
      const handler = controller.prototype[methodName] as Function;
      const handlerPath: unknown = Reflect.getMetadata(PATH_METADATA, handler);
      if (handlerPath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const path = joinPaths(Reflect.getMetadata(PATH_METADATA, controller), handlerPath);
      routes.push({
        name: `${method} ${path} (${controller.name}.${methodName})`,
        access: resolveRouteAccess(reflector, handler, controller),
      });
    }
  }
  return routes;
}

/**
 * Refuses to start an application with a route that declares neither `@Public()` nor `@Auth()`,
 * naming every such route: the global guard would refuse them anyway, but a missing decorator is
 * a bug to find at boot, not in production traffic.
 */
@Injectable()
export class RouteAuthCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = listRoutes(this.discovery, this.scanner, this.reflector).filter((route) => route.access === null);
    if (undeclared.length > 0) {
      throw new Error(`Routes without @Public() or @Auth():\n  - ${undeclared.map((route) => route.name).join('\n  - ')}`);
    }
  }
}
