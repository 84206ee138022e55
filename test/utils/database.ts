import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server the tests use: `TEST_DATABASE_URL`, or the local server on 127.0.0.1
 * with trust authentication (what `.ci/run` starts). Any database name in the URL is ignored:
 * tests make their own databases on that server.
 */
export function testServerUrl(database = 'postgres'): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The migrated template of this jest run. Its name carries the pid of the jest process that made
 * it, so concurrent runs on one server never touch each other's databases.
 */
export function templateDatabase(): string {
  const name = process.env.CINEMA_TEST_TEMPLATE;
  if (!name) throw new Error('CINEMA_TEST_TEMPLATE is not set: run the tests through jest (test/setup/global-setup.ts)');
  return name;
}

async function withAdminClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database cloned from the migrated template and returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `cinema_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`));
  return {
    name,
    url: testServerUrl(name),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function recreateDatabase(name: string): Promise<void> {
  await dropDatabase(name);
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops the test databases that runs which are no longer alive left behind. */
export async function dropStaleTestDatabases(): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'cinema_test_%'`);
    for (const { datname } of rows) {
      const pid = Number(/^cinema_test_(?:template_)?(\d+)/.exec(datname)?.[1]);
      if (pid && !isAlive(pid)) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
