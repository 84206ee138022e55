import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import type { AppConfig } from '../core/config/app-config';

/** Options of the Fastify instance, shared by `main.ts` and the tests. */
export function fastifyOptions(_config: AppConfig): FastifyServerOptions {
  return {
    // Every route answers with and without its trailing slash (CONTRACT.md A).
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 1024 * 1024 * 2,
  };
}

/**
 * The one place where global pipes, filters and hooks are installed; `main.ts` and the e2e tests
 * both call it, so the tests exercise the production HTTP stack.
 */
export async function configureApp(app: NestFastifyApplication, _config: AppConfig): Promise<NestFastifyApplication> {
  app.enableShutdownHooks();
  await app.init();
  return app;
}
