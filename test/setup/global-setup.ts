import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { dropStaleTestDatabases, recreateDatabase, testServerUrl } from '../utils/database';

/**
 * Builds the migrated template database once per jest run; every test file then clones it
 * (`createTestDatabase()`), which takes a few milliseconds instead of running the migrations.
 * Both jest projects that need it call this; the second call finds the work done. Workers start
 * after this and inherit `CINEMA_TEST_TEMPLATE` from the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.CINEMA_TEST_TEMPLATE) return;
  const template = `cinema_test_template_${process.pid}`;
  await dropStaleTestDatabases();
  await recreateDatabase(template);
  const dataSource = new DataSource(buildDataSourceOptions({ url: testServerUrl(template), poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  process.env.CINEMA_TEST_TEMPLATE = template;
}
