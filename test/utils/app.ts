import type { Type } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp, fastifyOptions } from '../../src/bootstrap/configure-app';
import { type AppConfig, loadConfig } from '../../src/core/config/app-config';
import { APP_CONFIG } from '../../src/core/config/config.module';
import type { AppLogger } from '../../src/core/logging/logger';
import { PinoLoggerService } from '../../src/core/logging/pino-logger.service';
import { createTestDatabase } from './database';
import { deleteRedisKeys } from './redis';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  databaseUrl: string;
  close: () => Promise<void>;
}

/** The configuration every test starts from: a test database, the local Redis, no secrets. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    APP_URL: 'http://localhost:3000',
    RATE_LIMIT_ENABLED: 'false',
    // Each test app its own Redis keys, so concurrent test files never see each other's.
    REDIS_PREFIX: `test-${process.pid}-${randomBytes(4).toString('hex')}`,
    ...env,
  });
}

/**
 * The real application (same module graph, same `configureApp()` as `main.ts`) on a fresh
 * database cloned from the migrated template. `override` may swap providers that cross the
 * machine's boundary, nothing else. `controllers` adds test-only controllers (for example routes
 * that exercise the auth guard). `logger` replaces the silent test logger, for Fastify and Nest
 * alike, as `main.ts` wires it (for tests that read the log lines).
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
    controllers?: Type[];
    logger?: AppLogger;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.env);
  let builder = Test.createTestingModule({ imports: [AppModule], controllers: options.controllers ?? [] })
    .overrideProvider(APP_CONFIG)
    .useValue(config);
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(fastifyOptions(config, options.logger)), {
    logger: options.logger ? new PinoLoggerService(options.logger) : false,
  });
  await configureApp(app, config);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      // On the real Redis, even when this app reached it through a proxy.
      await deleteRedisKeys(testConfig(database.url).redisUrl, config.redisPrefix);
      await database.drop();
    },
  };
}
