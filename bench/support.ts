/**
 * What the benchmark scripts share: a scratch database on the PostgreSQL server of
 * BENCH_DATABASE_URL (default: the local one, user postgres), and Node processes started from the
 * TypeScript sources (through @swc-node/register, each in a process of its own) that are ready
 * once they answer HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/core/database/data-source-options';

/** The server's maintenance database, where databases are created and dropped. */
export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = join(__dirname, '..');
const START_TIMEOUT_MS = 60_000;

/** The URL of database `name` on the benchmark's server. */
export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` with a connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<void> {
  await withClient(SERVER_URL, (client) => client.query(`CREATE DATABASE "${name}"`));
}

/** Drops the database even while servers are still connected to it. */
export async function dropDatabase(name: string): Promise<void> {
  await withClient(SERVER_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Creates database `name`, applies every migration, then lets `seed` fill it (one connection). */
export async function createMigratedDatabase<T>(name: string, seed: (dataSource: DataSource) => Promise<T>): Promise<T> {
  await createDatabase(name);
  const dataSource = new DataSource(buildDataSourceOptions({ url: databaseUrl(name), poolSize: 1 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await seed(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The environment of the API and the project's commands for a benchmark: its database, its Redis prefix, quiet logs. */
export function benchEnv(database: string, redisPrefix: string): NodeJS.ProcessEnv {
  return { NODE_ENV: 'development', DATABASE_URL: databaseUrl(database), REDIS_PREFIX: redisPrefix, LOG_LEVEL: 'warn' };
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface NodeOptions {
  /** Node's own flags, before the script (e.g. `--cpu-prof`). */
  nodeFlags?: string[];
  /** `pipe` discards what the process prints (nothing reads it). */
  stdout?: 'inherit' | 'pipe';
}

/** Runs a TypeScript file of the project (`script`, from the project root) with `env` on top of this process's. */
export function spawnNode(script: string, args: string[], env: NodeJS.ProcessEnv, { nodeFlags = [], stdout = 'inherit' }: NodeOptions = {}): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '-r', '@swc-node/register', join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'inherit'],
  });
}

export interface ServerOptions extends NodeOptions {
  /** The variable that gives the server its port. */
  portVariable: string;
  /** Answers 2xx once the server is ready. */
  readyPath: string;
}

export interface RunningServer {
  process: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  base: string;
}

/** Starts `script` on a free port and waits (60 s at most) until `readyPath` answers 2xx; kills it if it never does. */
export async function startServer(script: string, env: NodeJS.ProcessEnv, { portVariable, readyPath, ...options }: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const child = spawnNode(script, [], { ...env, [portVariable]: String(port) }, options);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}${readyPath}`)).ok) return { process: child, base };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.kill();
  throw new Error(`${script} did not answer ${readyPath} within ${START_TIMEOUT_MS / 1000} s`);
}

/** The API (`src/main.ts`), ready once `/health/live/` answers. */
export function startApi(env: NodeJS.ProcessEnv, options: NodeOptions = {}): Promise<RunningServer> {
  return startServer('src/main.ts', env, { ...options, portVariable: 'PORT', readyPath: '/health/live/' });
}

/** Stops the server (SIGTERM) and waits until it has exited. */
export async function stopServer(server: RunningServer | null): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  server.process.kill('SIGTERM');
  await once(server.process, 'exit');
}

/** Runs a benchmark's `main`; an error is printed and fails the run (exit code 1). */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
