import type { ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/core/config/app-config';
import { APP_CONFIG } from '../../src/core/config/config.module';
import { WorkerModule } from '../../src/worker.module';
import { testConfig } from './app';
import { createTestDatabase } from './database';
import { deleteRedisKeys } from './redis';

export interface TestWorker {
  context: TestingModule;
  config: AppConfig;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/**
 * The real worker (`WorkerModule`: processors, outbox relay, ticks) in this process. By default on
 * a fresh database and its own Redis prefix; pass `databaseUrl` and `env.REDIS_PREFIX` of a test
 * app to work beside it. `imports` adds modules (e.g. `MailModule` to produce mail in the test).
 * Point `env` at an SMTP listener (`smtp.env`) when mail is expected.
 */
export async function createTestWorker(
  options: { env?: Record<string, string>; databaseUrl?: string; imports?: ModuleMetadata['imports'] } = {},
): Promise<TestWorker> {
  const database = options.databaseUrl ? null : await createTestDatabase();
  const config = testConfig(options.databaseUrl ?? database!.url, { OUTBOX_POLL_MS: '100', ...options.env });
  const context = await Test.createTestingModule({ imports: [WorkerModule, ...(options.imports ?? [])] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  context.useLogger(false);
  await context.init();
  return {
    context,
    config,
    dataSource: context.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await context.close();
      // The real Redis, even when this worker reached it through a proxy; keys of a prefix
      // shared with a test app are that app's to delete.
      if (!options.env?.REDIS_PREFIX) await deleteRedisKeys(testConfig(config.databaseUrl).redisUrl, config.redisPrefix);
      await database?.drop();
    },
  };
}
