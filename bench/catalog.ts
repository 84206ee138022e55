/**
 * `npm run bench:catalog`: the catalog's read paths at scale, each next to a baseline measured in
 * the same run.
 *
 * Builds a database with BENCH_MOVIES (100,000) synthetic movies through the real seed command
 * (`npm run seed -- --synthetic N`), then starts three servers on it, each in a process of its
 * own: the API (`src/main.ts`) as deployed, the API with its page cache off
 * (`CATALOG_CACHE_TTL=0`), and the bare `node:http` + `pg` baseline of bench/catalog-baseline.ts,
 * which runs the same SQL. Each scenario runs against one server at a time, for BENCH_SECONDS
 * after a short warm-up, with BENCH_CONNECTIONS concurrent clients (autocannon):
 *
 * - detail:   GET /movies/{uuid}/ over 1,000 movies, as a signed-in user (the baseline, too,
 *             verifies the token and reads the caller's row with the auth layer's query)
 * - first:    GET /movies/ (the default order, name descending)
 * - deep:     GET /movies/?page=4000&per_page=20 (offset 79,980)
 * - filtered: GET /movies/?genre=drama&year_from=1990&imdb_min=7&sort=-imdb
 * - search:   GET /movies/?search=... over 200 terms taken from the data (star and director names,
 *             title words), as a search box would send them
 * - search, new terms: some 20,000 other terms, each sent once to each server (no cache helps)
 *
 * Targets on the 2-core machine: detail and list pages at least half of the baseline's requests
 * per second (judged with the API's cache off: the baseline has none); search p99 under 50 ms at
 * 20 clients (saturating). Needs the PostgreSQL of BENCH_DATABASE_URL (default: the local one,
 * user postgres) and the Redis of REDIS_URL; rate limits are off.
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
  /**
   * Every request a path never requested before by that server (the paths are requested in turn
   * from where the last measure stopped): what a page cache cannot help with.
   */
  fresh?: boolean;
}

interface Measure {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** The servers each scenario loads, one at a time. */
const SERVERS = ['api', 'uncached', 'baseline'] as const;
type ServerName = (typeof SERVERS)[number];
const SERVER_LABELS: Record<ServerName, string> = { api: 'API', uncached: 'API, cache off', baseline: 'baseline' };

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

/** Where each server is in each scenario's paths, so that a measure goes on where its warm-up stopped. */
const cursors = new Map<string, number>();

function load(server: ServerName, base: string, scenario: Scenario, headers: Record<string, string>, seconds: number): Promise<Result> {
  const cursorKey = `${server}:${scenario.name}`;
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (request) => {
          const next = cursors.get(cursorKey) ?? 0;
          if (scenario.fresh && next >= scenario.paths.length) throw new Error(`${scenario.name}: out of fresh paths`);
          cursors.set(cursorKey, next + 1);
          return { ...request, path: scenario.paths[next % scenario.paths.length] };
        },
      },
    ],
  });
}

async function measure(server: ServerName, base: string, scenario: Scenario, headers: Record<string, string>): Promise<Measure> {
  await load(server, base, scenario, headers, 2);
  const result = await load(server, base, scenario, headers, SECONDS);
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** The answers of every server must be the same data (links aside: the hosts differ). */
async function sameAnswers(bases: Record<ServerName, string>, scenario: Scenario, headers: Record<string, string>): Promise<void> {
  const strip = (body: Record<string, unknown>) => JSON.stringify({ ...body, prev_page: undefined, next_page: undefined });
  // The last paths: a fresh scenario's measures start from the first ones.
  for (const path of scenario.paths.slice(-3)) {
    const answers = await Promise.all(SERVERS.map((server) => fetch(`${bases[server]}${path}`, { headers })));
    const bodies = await Promise.all(answers.map(async (answer) => strip((await answer.json()) as Record<string, unknown>)));
    if (answers.some((answer) => answer.status !== 200) || bodies.some((body) => body !== bodies[0])) {
      throw new Error(`${scenario.name} ${path}: the servers disagree (${answers.map((answer) => answer.status).join('/')})`);
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
    // The other star and director names, and title words, mixed, each once.
    const freshTerms = (
      await client.query<{ term: string }>(
        `SELECT DISTINCT ON (lower(term)) term FROM (
            (SELECT name AS term FROM stars ORDER BY hashint4(id) OFFSET 70)
            UNION ALL (SELECT name FROM directors ORDER BY hashint4(id) OFFSET 70)
            UNION ALL (SELECT split_part(name, ' ', 2) FROM movies ORDER BY hashint4(id) OFFSET 60 LIMIT 20000)) t
          WHERE length(term) >= 3 AND lower(term) <> ALL ($1::text[])
          ORDER BY lower(term)`,
        [terms.map((term) => term.toLowerCase())],
      )
    ).rows.map((row) => row.term);
    const search = (term: string) => `/movies/?search=${encodeURIComponent(term)}`;
    return [
      { name: 'detail', paths: uuids.map((uuid) => `/movies/${uuid}/`), authenticated: true },
      { name: 'first page', paths: ['/movies/'] },
      { name: 'deep page', paths: ['/movies/?page=4000&per_page=20'] },
      { name: 'filtered page', paths: ['/movies/?genre=drama&year_from=1990&imdb_min=7&sort=-imdb'] },
      { name: 'search', paths: terms.map(search) },
      // Shuffled by a hash, so that consecutive terms are unrelated.
      { name: 'search, new terms', paths: freshTerms.sort((a, b) => hash(a) - hash(b)).map(search), fresh: true },
    ];
  });
}

function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value >>> 0;
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
  const running: RunningServer[] = [];
  try {
    await createDatabase(database);
    console.log(`building ${MOVIES} synthetic movies in ${database}...`);
    await prepareDatabase(env);
    const list = await scenarios(env.DATABASE_URL as string);
    const auth = await bearerFor(env.DATABASE_URL as string, env);

    const start = async (server: Promise<RunningServer>) => {
      running.push(await server);
      return running[running.length - 1].base;
    };
    const bases: Record<ServerName, string> = {
      api: await start(startApi(env)),
      uncached: await start(startApi({ ...env, CATALOG_CACHE_TTL: '0' })),
      baseline: await start(startServer('bench/catalog-baseline.ts', env, { portVariable: 'BASELINE_PORT', readyPath: '/movies/', stdout: 'pipe' })),
    };
    const results: Array<{ scenario: Scenario; measures: Record<ServerName, Measure> }> = [];

    for (const scenario of list) {
      const headers = scenario.authenticated ? auth : {};
      await sameAnswers(bases, scenario, headers);
      // One server under load at a time; the others are idle.
      const measures = {} as Record<ServerName, Measure>;
      for (const server of SERVERS) measures[server] = await measure(server, bases[server], scenario, headers);
      results.push({ scenario, measures });
      console.log(`${scenario.name}: ${SERVERS.map((server) => `${SERVER_LABELS[server]} ${measures[server].requestsPerSecond.toFixed(0)} req/s`).join(', ')}`);
    }

    console.log(`\n${MOVIES} movies, ${CONNECTIONS} connections, ${SECONDS} s per measure; req/s, p50 and p99 of each server\n`);
    console.log(`| scenario | ${SERVERS.map((server) => SERVER_LABELS[server]).join(' | ')} | cache off / baseline |`);
    console.log(`|---|${SERVERS.map(() => '---:').join('|')}|---:|`);
    const cell = (m: Measure) => `${m.requestsPerSecond.toFixed(0)}, ${ms(m.p50)}, ${ms(m.p99)}`;
    for (const { scenario, measures } of results) {
      const ratio = measures.uncached.requestsPerSecond / measures.baseline.requestsPerSecond;
      console.log(`| ${scenario.name} | ${SERVERS.map((server) => cell(measures[server])).join(' | ')} | ${ratio.toFixed(2)} |`);
    }
    const by = (name: string) => (results.find((result) => result.scenario.name === name) as (typeof results)[number]).measures;
    // The framework's cost is judged without the cache, which the baseline does not have.
    const ratio = (name: string) => by(name).uncached.requestsPerSecond / by(name).baseline.requestsPerSecond;
    const checks: Array<[string, boolean]> = [
      ...['detail', 'first page', 'deep page', 'filtered page'].map((name): [string, boolean] => [`${name}: API with its cache off >= 0.5 x baseline`, ratio(name) >= 0.5]),
      [`search p99 < 50 ms at ${CONNECTIONS} clients (API as deployed)`, by('search').api.p99 < 50],
      ['no errors', results.every((result) => SERVERS.every((server) => result.measures[server].errors === 0))],
    ];
    console.log('');
    for (const [label, passed] of checks) console.log(`${passed ? 'PASS' : 'FAIL'}  ${label}`);
    console.log(`info  search of new terms (no page cache can help): API p99 ${ms(by('search, new terms').api.p99)}, baseline p99 ${ms(by('search, new terms').baseline.p99)}`);
    if (checks.some(([, passed]) => !passed)) process.exitCode = 1;
  } finally {
    await Promise.all(running.map((server) => stopServer(server)));
    await dropDatabase(database);
  }
}

runBenchmark(main);
