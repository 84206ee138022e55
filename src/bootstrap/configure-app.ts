import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerOptions } from 'fastify';
import { frameworkErrors, installHttpFoundation } from '../common/http/http-foundation';
import type { AppConfig } from '../core/config/app-config';
import { AccessLog } from '../core/logging/access-log';
import { type AppLogger, createLogger } from '../core/logging/logger';
import { requestIdFor } from '../core/logging/request-id';
import { setupQueueDashboard } from './queue-dashboard';
import { setupSwagger } from './swagger';

/**
 * Options of the Fastify instance, shared by `main.ts` and the tests. `logger` is the process's
 * pino logger (`main.ts` hands the same one to Nest); tests let it be made from the config.
 */
export function fastifyOptions(config: AppConfig, logger: AppLogger = createLogger(config)): FastifyServerOptions {
  return {
    // Every route answers with and without its trailing slash, directly (CONTRACT.md A).
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 1024 * 1024 * 2,
    loggerInstance: logger,
    logController: new AccessLog(),
    genReqId: requestIdFor,
    trustProxy: config.trustProxy,
    frameworkErrors,
  };
}

/**
 * The one place where global pipes, filters and hooks are installed; `main.ts` and the e2e tests
 * both call it, so the tests exercise the production HTTP stack.
 */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<NestFastifyApplication> {
  app.enableShutdownHooks();
  installHttpFoundation(app);
  setupSwagger(app, config);
  setupQueueDashboard(app, config);
  await app.init();
  return app;
}
