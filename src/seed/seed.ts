import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { type AppConfig } from '../core/config/app-config';
import { APP_CONFIG } from '../core/config/config.module';
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
    await runCatalogSteps(app, values);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
