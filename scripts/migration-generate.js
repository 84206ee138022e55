#!/usr/bin/env node
/**
 * `npm run migration:generate -- <Name>`: writes `migrations/<timestamp>-<Name>.ts` with the SQL
 * that takes the schema the existing migrations build to the schema the entities describe.
 *
 * It never looks at a real database: it creates a scratch database on the server of
 * DATABASE_URL, runs every migration there, asks the TypeORM CLI for the difference, then drops
 * the scratch database. It reads the compiled data source, so `npm run build` runs first
 * (`premigration:generate`). Review the output, complete what TypeORM cannot model (extensions,
 * expression and trigram indexes), and list the class in `migrations/index.ts`.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..');
const typeormCli = require.resolve('typeorm/cli.js');
const dataSource = 'dist/src/core/database/data-source.js';

function fail(message) {
  console.error(`migration:generate: ${message}`);
  process.exit(1);
}

function databaseUrl(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withMaintenanceClient(serverUrl, fn) {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

function typeorm(args, url) {
  const result = spawnSync(process.execPath, [typeormCli, ...args, '-d', dataSource], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  });
  return result.status ?? 1;
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    fail('usage: npm run migration:generate -- <Name>   (PascalCase, e.g. AddMovieRatings)');
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    fail('DATABASE_URL must point at a PostgreSQL server (its database is not touched; a scratch one is made beside it)');
  }

  const scratch = `cinema_migration_scratch_${process.pid}`;
  const scratchUrl = databaseUrl(serverUrl, scratch);
  await withMaintenanceClient(serverUrl, (client) => client.query(`CREATE DATABASE "${scratch}"`));
  let status;
  try {
    status = typeorm(['migration:run'], scratchUrl);
    if (status === 0) status = typeorm(['migration:generate', `migrations/${name}`, '--pretty'], scratchUrl);
  } finally {
    await withMaintenanceClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`));
  }
  if (status === 0) console.log(`Now review the new file in migrations/ and add its class to migrations/index.ts.`);
  process.exit(status);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
