/**
 * `npm run bench:login`: login throughput, and whether hashing blocks the event loop.
 *
 * Starts the API (`src/main.ts` through @swc-node/register, in a process of its own) on a fresh
 * database holding BENCH_USERS active users, saturates `POST /accounts/login/` with
 * BENCH_CONNECTIONS connections for BENCH_SECONDS, and meanwhile probes `GET /health/live/` at a steady 50 requests per second
 * over one connection. Reports logins per second and the probe's latency percentiles, under load
 * and idle. Every login verifies an argon2id hash (19 MiB, t=2, p=1) on the libuv pool, so the
 * probe should stay fast while the hash pool is saturated: a probe p99 near the login latency
 * would mean hashing blocks the event loop.
 *
 * Needs the PostgreSQL server of BENCH_DATABASE_URL (default: the local one, user postgres) and
 * the Redis of REDIS_URL. Rate limits are off for the run (RATE_LIMIT_ENABLED=false).
 */
import autocannon, { type Result } from 'autocannon';
import { PasswordHasher } from '../src/modules/accounts/password-hasher';
import { benchEnv, createMigratedDatabase, dropDatabase, runBenchmark, type RunningServer, startApi, stopServer } from './support';

const USERS = Number(process.env.BENCH_USERS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PROBE_RATE = 50;
const PASSWORD = 'Bench!Passw0rd';

/** A migrated database with `USERS` active users sharing one argon2id hash of `PASSWORD`. */
async function prepareDatabase(name: string): Promise<void> {
  await createMigratedDatabase(name, async (dataSource) => {
    const hash = await new PasswordHasher().hash(PASSWORD);
    await dataSource.query(
      `INSERT INTO users (email, _hashed_password, is_active, group_id)
       SELECT 'bench-' || i || '@example.com', $1, true, 2 FROM generate_series(1, $2::int) AS i`,
      [hash, USERS],
    );
  });
}

function probe(base: string, seconds: number): Promise<Result> {
  return autocannon({ url: `${base}/health/live/`, connections: 1, overallRate: PROBE_RATE, duration: seconds });
}

function logins(base: string, seconds: number): Promise<Result> {
  let next = 0;
  return autocannon({
    url: `${base}/accounts/login/`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          next = (next % USERS) + 1;
          return { ...request, body: JSON.stringify({ email: `bench-${next}@example.com`, password: PASSWORD }) };
        },
      },
    ],
  });
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const database = `cinema_bench_${process.pid}`;
  let api: RunningServer | null = null;
  try {
    console.log(`Preparing ${database} with ${USERS} active users...`);
    await prepareDatabase(database);
    api = await startApi(
      { ...benchEnv(database, `bench-${process.pid}`), RATE_LIMIT_ENABLED: 'false' },
      // BENCH_API_NODE_FLAGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the API process.
      { nodeFlags: (process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean) },
    );
    const { base } = api;

    const idle = await probe(base, 3);
    // Warm-up: connections, JIT, the hash pool.
    await logins(base, 2);
    const [load, busy] = await Promise.all([logins(base, SECONDS), probe(base, SECONDS)]);

    const ok = load['2xx'];
    console.log(`\nPOST /accounts/login/ at saturation (${CONNECTIONS} connections, ${SECONDS} s, ${USERS} users)`);
    console.log(`  logins/s:          ${(ok / SECONDS).toFixed(1)} (${ok} succeeded, ${load.non2xx} non-2xx, ${load.errors} errors)`);
    console.log(`  login latency:     p50 ${ms(load.latency.p50)}, p99 ${ms(load.latency.p99)}`);
    console.log(`GET /health/live/ at ${PROBE_RATE} req/s`);
    console.log(`  idle:              p50 ${ms(idle.latency.p50)}, p99 ${ms(idle.latency.p99)}, max ${ms(idle.latency.max)}`);
    console.log(`  during the logins: p50 ${ms(busy.latency.p50)}, p99 ${ms(busy.latency.p99)}, max ${ms(busy.latency.max)}`);
    if (load.non2xx > 0 || load.errors > 0 || busy.non2xx > 0) process.exitCode = 1;
  } finally {
    await stopServer(api);
    await dropDatabase(database);
  }
}

runBenchmark(main);
