/**
 * `npm run bench:catalog`: the catalog's read paths at scale, each next to a baseline measured in
 * the same run.
 *
 * Builds a database with BENCH_MOVIES (100,000) synthetic movies through the real seed command
 * (`npm run seed -- --synthetic N`), then starts two servers on it, each in a process of its own:
 * the API (`src/main.ts`) and the bare `node:http` + `pg` baseline of bench/catalog-baseline.ts,
 * which runs the same SQL. Each scenario runs against one, then the other, for BENCH_SECONDS after a
 * short warm-up, with BENCH_CONNECTIONS concurrent clients (autocannon):
 *
 * - detail:   GET /movies/{uuid}/ over 1,000 movies, as a signed-in user (the baseline, too,
 *             verifies the token and reads the caller's row with the auth layer's query)
 * - first:    GET /movies/ (the default order, name descending)
 * - deep:     GET /movies/?page=4000&per_page=20 (offset 79,980)
 * - filtered: GET /movies/?genre=drama&year_from=1990&imdb_min=7&sort=-imdb
 * - search:   GET /movies/?search=... over 200 terms taken from the data (star and director names,
 *             title words), as a search box would send them
 *
 * Targets on the 2-core machine: detail and list pages at least half of the baseline's requests
 * per second; search p99 under 50 ms at 20 clients (saturating). Needs the PostgreSQL of BENCH_DATABASE_URL
 * (default: the local one, user postgres) and the Redis of REDIS_URL; rate limits are off.
 */
import autocannon, { type Result } from 'autocannon';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { loadConfig } from '../src/core/config/app-config';
import { benchEnv, createDatabase, dropDatabase, runBenchmark, type RunningServer, spawnNode, startApi, startServer, stopServer, withClient } from './support';

const MOVIES = Number(process.env.BENCH_MOVIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

interface Scenario {
  name: string;
  /** Paths to request in turn. */
  paths: string[];
  authenticated?: boolean;
}

interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** The migrations and the synthetic catalog, through the real commands. */
async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  for (const [script, args] of [
    ['scripts/migrate.ts', []],
    ['src/seed/seed.ts', ['--synthetic', String(MOVIES)]],
  ] as const) {
    const child = spawnNode(script, [...args], env);
    const [code] = (await once(child, 'exit')) as [number];
    if (code !== 0) throw new Error(`${script} exited with code ${code}`);
  }
}

function load(base: string, scenario: Scenario, headers: Record<string, string>, seconds: number): Promise<Result> {
  let next = 0;
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (request) => {
          const path = scenario.paths[next % scenario.paths.length];
          next += 1;
          return { ...request, path };
        },
      },
    ],
  });
}

async function measure(base: string, scenario: Scenario, headers: Record<string, string>): Promise<Measure> {
  await load(base, scenario, headers, 2);
  const result = await load(base, scenario, headers, SECONDS);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The answers of both servers must be the same data (links aside: the hosts differ). */
async function sameAnswers(api: string, baseline: string, scenario: Scenario, headers: Record<string, string>): Promise<void> {
  for (const path of scenario.paths.slice(0, 3)) {
    const [a, b] = await Promise.all([fetch(`${api}${path}`, { headers }), fetch(`${baseline}${path}`, { headers })]);
    const strip = (body: Record<string, unknown>) => ({ ...body, prev_page: undefined, next_page: undefined });
    const [left, right] = [strip((await a.json()) as Record<string, unknown>), strip((await b.json()) as Record<string, unknown>)];
    if (a.status !== 200 || JSON.stringify(left) !== JSON.stringify(right)) {
      throw new Error(`${scenario.name} ${path}: the API and the baseline disagree (${a.status}/${b.status})`);
    }
  }
}

async function scenarios(url: string): Promise<Scenario[]> {
  return withClient(url, async (client) => {
    const uuids = (await client.query<{ uuid: string }>(`SELECT uuid FROM movies ORDER BY hashint4(id) LIMIT 1000`)).rows.map((row) => row.uuid);
    const terms = (
      await client.query<{ term: string }>(
        `(SELECT name AS term FROM stars ORDER BY hashint4(id) LIMIT 70)
         UNION ALL (SELECT name FROM directors ORDER BY hashint4(id) LIMIT 70)
         UNION ALL (SELECT split_part(name, ' ', 2) FROM movies ORDER BY hashint4(id) LIMIT 60)`,
      )
    ).rows.map((row) => row.term);
    return [
      { name: 'detail', paths: uuids.map((uuid) => `/movies/${uuid}/`), authenticated: true },
      { name: 'first page', paths: ['/movies/'] },
      { name: 'deep page', paths: ['/movies/?page=4000&per_page=20'] },
      { name: 'filtered page', paths: ['/movies/?genre=drama&year_from=1990&imdb_min=7&sort=-imdb'] },
      { name: 'search', paths: terms.map((term) => `/movies/?search=${encodeURIComponent(term)}`) },
    ];
  });
}

/** A user to call the authenticated detail route as, with a token the API accepts. */
async function bearerFor(url: string, env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const userId = await withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO users (email, _hashed_password, is_active, group_id) VALUES ('bench-reader@example.com', 'unused', true, 2) RETURNING id`,
    );
    return rows[0].id;
  });
  const token = new AccessTokenService(loadConfig(env)).sign(userId).token;
  return { authorization: `Bearer ${token}` };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const [oneMinute] = loadavg();
  console.log(`load average ${oneMinute.toFixed(2)}${oneMinute > 1 ? ' (not quiet: figures will be lower)' : ''}`);
  const database = `cinema_bench_catalog_${process.pid}`;
  const env: NodeJS.ProcessEnv = { ...benchEnv(database, `bench-catalog-${process.pid}`), RATE_LIMIT_ENABLED: 'false' };
  let api: RunningServer | null = null;
  let baseline: RunningServer | null = null;
  try {
    await createDatabase(database);
    console.log(`building ${MOVIES} synthetic movies in ${database}...`);
    await prepareDatabase(env);
    const list = await scenarios(env.DATABASE_URL as string);
    const auth = await bearerFor(env.DATABASE_URL as string, env);

    api = await startApi(env);
    baseline = await startServer('bench/catalog-baseline.ts', env, { portVariable: 'BASELINE_PORT', readyPath: '/movies/', stdout: 'pipe' });
    const [apiBase, baselineBase] = [api.base, baseline.base];
    const results: Array<{ scenario: Scenario; api: Measure; baseline: Measure }> = [];

    for (const scenario of list) {
      const headers = scenario.authenticated ? auth : {};
      await sameAnswers(apiBase, baselineBase, scenario, headers);
      // One server under load at a time; the other is idle.
      const apiMeasure = await measure(apiBase, scenario, headers);
      const baselineMeasure = await measure(baselineBase, scenario, headers);
      results.push({ scenario, api: apiMeasure, baseline: baselineMeasure });
      console.log(`${scenario.name}: API ${apiMeasure.requestsPerSecond.toFixed(0)} req/s, baseline ${baselineMeasure.requestsPerSecond.toFixed(0)} req/s`);
    }

    console.log(`\n${MOVIES} movies, ${CONNECTIONS} connections, ${SECONDS} s per measure\n`);
    console.log('| scenario | API req/s | API p50 | API p99 | baseline req/s | baseline p50 | baseline p99 | API / baseline |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const { scenario, api: a, baseline: b } of results) {
      console.log(
        `| ${scenario.name} | ${a.requestsPerSecond.toFixed(0)} | ${ms(a.p50)} | ${ms(a.p99)} | ${b.requestsPerSecond.toFixed(0)} | ${ms(b.p50)} | ${ms(b.p99)} | ${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)} |`,
      );
    }
    const by = (name: string) => results.find((result) => result.scenario.name === name) as (typeof results)[number];
    const ratio = (name: string) => by(name).api.requestsPerSecond / by(name).baseline.requestsPerSecond;
    const checks: Array<[string, boolean]> = [
      ...['detail', 'first page', 'deep page', 'filtered page'].map((name): [string, boolean] => [`${name} >= 0.5 x baseline`, ratio(name) >= 0.5]),
      [`search p99 < 50 ms at ${CONNECTIONS} clients`, by('search').api.p99 < 50],
      ['no errors', results.every((result) => result.api.errors === 0 && result.baseline.errors === 0)],
    ];
    console.log('');
    for (const [label, passed] of checks) console.log(`${passed ? 'PASS' : 'FAIL'}  ${label}`);
    if (checks.some(([, passed]) => !passed)) process.exitCode = 1;
  } finally {
    await Promise.all([stopServer(api), stopServer(baseline)]);
    await dropDatabase(database);
  }
}

runBenchmark(main);
