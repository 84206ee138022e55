import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { type AppConfig } from '../core/config/app-config';
import { APP_CONFIG } from '../core/config/config.module';
import { bumpCatalogVersion } from '../modules/catalog/movie-page-cache';
import { CATALOG_HELP, CATALOG_OPTIONS, runCatalogSteps, syntheticCount } from './catalog-cli';
import { SeedModule } from './seed.module';
import { type AdminOutcome, SeedService } from './seed.service';

/**
 * `npm run seed`: the user groups, then the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, then
 * the catalog (the demo catalog when it is empty, or the import or synthetic catalog the options
 * ask for; see `catalog-cli.ts`). Safe to run on every deployment. Optional steps are added as
 * options of `parseArgs` below and run after the base steps.
 */
const ADMIN_MESSAGES: Record<AdminOutcome, (email: string | null) => string> = {
  created: (email) => `admin ${email}: created (active, with a cart)`,
  exists: (email) => `admin ${email}: an account with this e-mail exists, left as it is`,
  'not-configured': () => 'admin: ADMIN_EMAIL and ADMIN_PASSWORD are not both set, none created',
};

const USAGE = `Usage: npm run seed [-- options]

Makes the user groups, the admin of ADMIN_EMAIL / ADMIN_PASSWORD, then the catalog. Idempotent.
  --help               shows this text
${CATALOG_HELP}`;

async function main(): Promise<void> {
  // Strict: an unknown option is an error, not silently ignored.
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { help: { type: 'boolean' }, ...CATALOG_OPTIONS },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  // Refused before anything is written.
  if (values.synthetic !== undefined) syntheticCount(values.synthetic);

  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const seed = app.get(SeedService);
    const config = app.get<AppConfig>(APP_CONFIG);
    await seed.ensureGroups();
    process.stdout.write('user groups: ADMIN=1, USER=2, MODERATOR=3\n');
    const outcome = await seed.ensureAdmin(config.admin);
    process.stdout.write(`${ADMIN_MESSAGES[outcome](config.admin.email)}\n`);
    const added = await runCatalogSteps(app, values);
    if (added > 0) await invalidateCatalogCache(config);
  } finally {
    await app.close();
  }
}

/**
 * Running APIs cache the ids of list pages (`MoviePageCache`): movies added here must show in
 * them now, not once those pages expire. Redis is needed for nothing else here, so a Redis that
 * cannot be reached is reported, not fatal.
 */
async function invalidateCatalogCache(config: AppConfig): Promise<void> {
  if (config.catalogCacheTtl === 0) return;
  const redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await bumpCatalogVersion(redis, config.redisPrefix);
    process.stdout.write('catalog cache: invalidated\n');
  } catch (error) {
    process.stderr.write(
      `catalog cache: not invalidated (${(error as Error).message}); running APIs may list the catalog as it was for up to ${config.catalogCacheTtl} s\n`,
    );
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
