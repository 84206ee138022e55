import { defaults as pgDefaults, types as pgTypes } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * `users.created_at` is `timestamp without time zone` (as in the reference). Sessions run in UTC
 * (see `extra.options` below), so such values are UTC wall-clock times: read and write them as
 * UTC whatever the process's own time zone is.
 */
const TIMESTAMP_WITHOUT_TIME_ZONE_OID = 1114;
pgTypes.setTypeParser(TIMESTAMP_WITHOUT_TIME_ZONE_OID, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));
pgDefaults.parseInputDatesAsUTC = true;

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Name reported to PostgreSQL (`pg_stat_activity.application_name`). */
  applicationName?: string;
}

/**
 * The one description of how this service talks to PostgreSQL, shared by the API, the worker,
 * the migration CLI and the tests. Entities and migrations are listed explicitly (no globs), so
 * the same list works from TypeScript sources under jest and from the compiled build.
 */
export function buildDataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // Extensions are the migrations' business, never DDL at connect time; generated uuids use
    // gen_random_uuid(), built into PostgreSQL 13+ (TypeORM files it under "pgcrypto").
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    // Every timestamp is read and written in UTC whatever the server's TimeZone setting is.
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'online-cinema',
      options: '-c timezone=UTC',
    },
  };
}
