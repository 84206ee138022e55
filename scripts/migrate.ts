import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config/app-config';
import { buildDataSourceOptions } from '../src/core/database/data-source-options';

/**
 * Applies the pending migrations to `DATABASE_URL` with the service's own data source options:
 * `node dist/scripts/migrate.js`. It needs only production dependencies, so the runtime image
 * runs it as well as `npm start`.
 */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(buildDataSourceOptions({ url: config.databaseUrl, poolSize: 1, applicationName: 'online-cinema-migrate' }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length === 0
        ? 'migrate: the database schema is up to date'
        : `migrate: applied ${applied.map((migration) => migration.name).join(', ')}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  console.error('migrate: failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
