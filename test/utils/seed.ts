import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config';
import { APP_CONFIG } from '../../src/core/config/config.module';
import { SeedModule } from '../../src/seed/seed.module';
import { createTestDatabase } from './database';

export interface SeedContext {
  app: INestApplicationContext;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** The seed command's module graph on a fresh database cloned from the migrated template. */
export async function createSeedContext(): Promise<SeedContext> {
  const database = await createTestDatabase();
  const moduleRef = await Test.createTestingModule({ imports: [SeedModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url }))
    .compile();
  const app = await moduleRef.init();
  return {
    app,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
