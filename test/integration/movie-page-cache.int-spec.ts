import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { loadConfig } from '../../src/core/config/app-config';
import { MoviePageCache } from '../../src/modules/catalog/movie-page-cache';
import { parseSort } from '../../src/modules/catalog/movie-sort';
import { CatalogSeedService } from '../../src/seed/catalog-seed.service';
import { createTestDatabase } from '../utils/database';
import { deleteRedisKeys } from '../utils/redis';
import { createSeedContext, type SeedContext } from '../utils/seed';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SORT = parseSort(undefined);
const WINDOW = { offset: 0, limit: 10 };

function cacheWith(redis: Redis, prefix: string, ttl = '90'): MoviePageCache {
  return new MoviePageCache(redis, loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/unused', REDIS_PREFIX: prefix, CATALOG_CACHE_TTL: ttl }));
}

describe('MoviePageCache (real Redis)', () => {
  let redis: Redis;
  let prefix: string;
  let cache: MoviePageCache;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(() => redis.quit());

  beforeEach(() => {
    prefix = `test-page-cache-${randomBytes(4).toString('hex')}`;
    cache = cacheWith(redis, prefix);
  });
  afterEach(() => deleteRedisKeys(REDIS_URL, prefix));

  it('stores a page with its version for CATALOG_CACHE_TTL and gives it back', async () => {
    const key = cache.keyOf({ search: 'a' }, SORT, WINDOW) as string;
    expect(key.startsWith(`${prefix}:catalog:page:`)).toBe(true);
    expect(await cache.get(key)).toBeNull();

    await cache.set(key, { version: '42', ids: [3, 1, 2], total: 41 });

    expect(await cache.get(key)).toEqual({ version: '42', ids: [3, 1, 2], total: 41 });
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(80);
    expect(ttl).toBeLessThanOrEqual(90);
  });

  it('keys pages by the filters given (in any order), the sort and the window', () => {
    const key = (...args: Parameters<MoviePageCache['keyOf']>) => cache.keyOf(...args);
    const base = key({ search: 'a', year: 1999 }, SORT, WINDOW);

    expect(key({ year: 1999, search: 'a', genre: undefined }, SORT, WINDOW)).toBe(base);
    const others = [
      key({ search: 'a', year: 2000 }, SORT, WINDOW),
      key({ search: 'a', yearFrom: 1999 }, SORT, WINDOW),
      key({ search: 'A', year: 1999 }, SORT, WINDOW),
      key({ search: 'a', year: 1999 }, parseSort('-year'), WINDOW),
      key({ search: 'a', year: 1999 }, SORT, { offset: 10, limit: 10 }),
      key({ search: 'a', year: 1999 }, SORT, { offset: 0, limit: 20 }),
    ];
    expect(new Set([base, ...others]).size).toBe(7);
  });

  it('takes a malformed entry for no entry', async () => {
    const key = cache.keyOf({ search: 'a' }, SORT, WINDOW) as string;
    const garbage = [
      'not json',
      '[]',
      JSON.stringify({ version: '1', total: 1 }),
      JSON.stringify({ version: '1', total: 1, ids: ['1; DROP'] }),
      JSON.stringify({ version: 1, total: 1, ids: [1] }),
      JSON.stringify({ version: '1', total: 1.5, ids: [1] }),
    ];
    for (const entry of garbage) {
      await redis.set(key, entry);
      expect(await cache.get(key)).toBeNull();
    }
  });

  it('is off with CATALOG_CACHE_TTL=0: no key, so nothing is read or written', () => {
    expect(cacheWith(redis, prefix, '0').keyOf({ search: 'a' }, SORT, WINDOW)).toBeNull();
  });

  it('answers "no entry" at once when Redis cannot be reached, and writes nothing', async () => {
    const unreachable = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    unreachable.on('error', () => undefined);
    try {
      const away = cacheWith(unreachable, prefix);
      const key = away.keyOf({ search: 'a' }, SORT, WINDOW) as string;
      const started = performance.now();
      await away.set(key, { version: '1', ids: [1], total: 1 });
      expect(await away.get(key)).toBeNull();
      expect(performance.now() - started).toBeLessThan(250);
    } finally {
      unreachable.disconnect();
    }
  });
});

describe('catalog_state.version (migration CatalogVersion)', () => {
  let context: SeedContext;
  let url: string;
  let drop: () => Promise<void>;
  let db: Client;

  const version = async (client: Client = db) => BigInt((await client.query<{ version: string }>(`SELECT version::text FROM catalog_state`)).rows[0].version);

  /** How far `work` moves the version. */
  const bumps = async (work: () => Promise<unknown>) => {
    const before = await version();
    await work();
    return Number((await version()) - before);
  };

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    db = new Client({ connectionString: url });
    await db.connect();
    await db.query(`INSERT INTO certifications (name) VALUES ('PG')`);
    await db.query(`INSERT INTO genres (name) VALUES ('Drama'), ('Noir')`);
    await db.query(`INSERT INTO stars (name) VALUES ('Some Star')`);
    await db.query(`INSERT INTO directors (name) VALUES ('Some Director')`);
  });
  afterAll(async () => {
    await db?.end();
    await drop?.();
    await context?.close();
  });

  const insertMovie = (name: string) =>
    db.query<{ id: number }>(
      `INSERT INTO movies (name, year, time, imdb, votes, description, price, certification_id)
       SELECT $1, 2001, 99, 7.0, 10, 'A movie.', 1.00, id FROM certifications WHERE name = 'PG' RETURNING id`,
      [name],
    );

  it('moves on once per transaction that changes what lists show, at its commit', async () => {
    expect(await bumps(() => insertMovie('One'))).toBe(1);
    // Several statements and rows in one transaction: one bump, visible only once committed.
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      const committed = await version();
      await db.query('BEGIN');
      await insertMovie('Two');
      await insertMovie('Three');
      await db.query(`INSERT INTO movies_genres (movie_id, genre_id) SELECT m.id, g.id FROM movies m, genres g WHERE m.name IN ('Two', 'Three')`);
      expect(await version(other)).toBe(committed);
      await db.query('COMMIT');
      expect(await version(other)).toBe(committed + 1n);
    } finally {
      await other.end();
    }
    // A rolled-back change moves nothing.
    expect(await bumps(async () => {
      await db.query('BEGIN');
      await insertMovie('Never');
      await db.query('ROLLBACK');
    })).toBe(0);
  });

  it.each([
    ['a movie update', `UPDATE movies SET price = 2.00 WHERE name = 'One'`],
    ['a link', `INSERT INTO movies_genres (movie_id, genre_id) SELECT m.id, g.id FROM movies m, genres g WHERE m.name = 'One' AND g.name = 'Noir'`],
    ['a link removed', `DELETE FROM movies_genres WHERE genre_id = (SELECT id FROM genres WHERE name = 'Noir')`],
    ['a genre renamed', `UPDATE genres SET name = 'Film Noir' WHERE name = 'Noir'`],
    ['a star renamed', `UPDATE stars SET name = 'Star Renamed' WHERE name = 'Some Star'`],
    ['a director deleted', `DELETE FROM directors WHERE name = 'Some Director'`],
    ['a certification renamed', `UPDATE certifications SET name = 'PG' WHERE name = 'PG'`],
    ['a movie deleted', `DELETE FROM movies WHERE name = 'Three'`],
    ['a truncate', `TRUNCATE movies_directors`],
  ])('moves on for %s', async (_label, sql) => {
    expect(await bumps(() => db.query(sql))).toBe(1);
  });

  it('stays for a new genre, star, director or certification, which no list shows until a movie links it', async () => {
    expect(await bumps(() => db.query(`INSERT INTO genres (name) VALUES ('Western')`))).toBe(0);
    expect(await bumps(() => db.query(`INSERT INTO stars (name) VALUES ('New Star')`))).toBe(0);
    expect(await bumps(() => db.query(`INSERT INTO directors (name) VALUES ('New Director')`))).toBe(0);
    expect(await bumps(() => db.query(`INSERT INTO certifications (name) VALUES ('NC-17')`))).toBe(0);
  });

  it('moves on for the seed command, whose import commits batch by batch', async () => {
    context = await createSeedContext();
    const seedDb = context.dataSource;
    const before = BigInt((await seedDb.query(`SELECT version::text AS v FROM catalog_state`))[0].v);
    await context.app.get(CatalogSeedService).buildSynthetic(5, () => undefined);
    const after = BigInt((await seedDb.query(`SELECT version::text AS v FROM catalog_state`))[0].v);
    expect(after).toBeGreaterThan(before);
  });
});
