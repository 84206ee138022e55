import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { AppModule } from '../../src/app.module';
import { configureApp, fastifyOptions } from '../../src/bootstrap/configure-app';
import { type AppConfig, loadConfig } from '../../src/core/config/app-config';
import { APP_CONFIG } from '../../src/core/config/config.module';
import { createTestDatabase } from './database';

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
    ...env,
  });
}

/**
 * The real application (same module graph, same `configureApp()` as `main.ts`) on a fresh
 * database cloned from the migrated template. `override` may swap providers that cross the
 * machine's boundary, nothing else.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; override?: (builder: TestingModuleBuilder) => TestingModuleBuilder } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.env);
  let builder = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(APP_CONFIG).useValue(config);
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(fastifyOptions(config)), { logger: false });
  await configureApp(app, config);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
