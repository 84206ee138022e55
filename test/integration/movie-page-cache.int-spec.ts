import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/core/config/app-config';
import { bumpCatalogVersion, catalogVersionKey, MoviePageCache } from '../../src/modules/catalog/movie-page-cache';
import { parseSort } from '../../src/modules/catalog/movie-sort';
import { createTestDatabase } from '../utils/database';
import { deleteRedisKeys } from '../utils/redis';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = resolve(__dirname, '../..');
const SORT = parseSort(undefined);
const WINDOW = { offset: 0, limit: 10 };

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
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/unused', REDIS_PREFIX: prefix, CATALOG_CACHE_TTL: '90' });
    cache = new MoviePageCache(redis, config);
  });
  afterEach(() => deleteRedisKeys(REDIS_URL, prefix));

  it('starts a catalog version on first use, from the clock, and serves nothing until then', async () => {
    expect(await cache.read({ search: 'a' }, SORT, WINDOW)).toEqual({ page: null, slot: null });

    const version = Number(await redis.get(catalogVersionKey(prefix)));
    // Started at the clock in microseconds, then moved on once.
    expect(version).toBeGreaterThan((Date.now() - 60_000) * 1000);
    expect((await cache.read({ search: 'a' }, SORT, WINDOW)).slot).toEqual({ key: expect.any(String), version: String(version) });
  });

  it('stores a page under the version read before it was computed, for CATALOG_CACHE_TTL, and serves it back', async () => {
    await bumpCatalogVersion(redis, prefix);
    const miss = await cache.read({ search: 'a' }, SORT, WINDOW);
    expect(miss.page).toBeNull();

    await cache.write(miss.slot, { ids: [3, 1, 2], total: 41 });

    expect((await cache.read({ search: 'a' }, SORT, WINDOW)).page).toEqual({ ids: [3, 1, 2], total: 41 });
    const ttl = await redis.ttl((miss.slot as { key: string }).key);
    expect(ttl).toBeGreaterThan(80);
    expect(ttl).toBeLessThanOrEqual(90);
  });

  it('keys pages by the filters given (in any order), the sort and the window', async () => {
    await bumpCatalogVersion(redis, prefix);
    const slot = async (...args: Parameters<MoviePageCache['read']>) => (await cache.read(...args)).slot?.key;
    const base = await slot({ search: 'a', year: 1999 }, SORT, WINDOW);

    expect(await slot({ year: 1999, search: 'a', genre: undefined }, SORT, WINDOW)).toBe(base);
    const others = [
      await slot({ search: 'a', year: 2000 }, SORT, WINDOW),
      await slot({ search: 'a', yearFrom: 1999 }, SORT, WINDOW),
      await slot({ search: 'A', year: 1999 }, SORT, WINDOW),
      await slot({ search: 'a', year: 1999 }, parseSort('-year'), WINDOW),
      await slot({ search: 'a', year: 1999 }, SORT, { offset: 10, limit: 10 }),
      await slot({ search: 'a', year: 1999 }, SORT, { offset: 0, limit: 20 }),
    ];
    expect(new Set([base, ...others]).size).toBe(7);
  });

  it('misses after an invalidation, even for a page computed before it and stored after it', async () => {
    await bumpCatalogVersion(redis, prefix);
    const before = await cache.read({ search: 'a' }, SORT, WINDOW);
    await cache.write(before.slot, { ids: [1], total: 1 });
    // A reader computes a page from the old data...
    const racing = await cache.read({ search: 'b' }, SORT, WINDOW);

    await cache.invalidate();
    // ...and stores it after the write's invalidation.
    await cache.write(racing.slot, { ids: [2], total: 1 });

    expect((await cache.read({ search: 'a' }, SORT, WINDOW)).page).toBeNull();
    expect((await cache.read({ search: 'b' }, SORT, WINDOW)).page).toBeNull();
  });

  it('takes a malformed entry for a miss', async () => {
    await bumpCatalogVersion(redis, prefix);
    const { slot } = await cache.read({ search: 'a' }, SORT, WINDOW);
    const key = (slot as { key: string }).key;
    const version = (slot as { version: string }).version;

    for (const garbage of ['not json', '[]', JSON.stringify({ version, total: 1 }), JSON.stringify({ version, total: 1, ids: ['1; DROP'] }), JSON.stringify({ version: 1, total: 1, ids: [1] })]) {
      await redis.set(key, garbage);
      expect((await cache.read({ search: 'a' }, SORT, WINDOW)).page).toBeNull();
    }
  });

  it('does nothing with CATALOG_CACHE_TTL=0', async () => {
    const off = new MoviePageCache(redis, loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/unused', REDIS_PREFIX: prefix, CATALOG_CACHE_TTL: '0' }));
    expect(off.enabled).toBe(false);
    await off.invalidate();
    expect(await off.read({ search: 'a' }, SORT, WINDOW)).toEqual({ page: null, slot: null });
    expect(await redis.exists(catalogVersionKey(prefix))).toBe(0);
  });
});

describe('npm run seed and the page cache', () => {
  /** Runs the seed command from the sources, as `npm run seed` runs the build. */
  async function seed(env: Record<string, string>, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/seed/seed.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, stdout, stderr };
  }

  it('invalidates the cached pages after adding movies, and only then; an unreachable Redis is reported, not fatal', async () => {
    const database = await createTestDatabase();
    const prefix = `test-seed-cache-${randomBytes(4).toString('hex')}`;
    const redis = new Redis(REDIS_URL);
    try {
      const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix };
      const csv = join(ROOT, 'test', 'fixtures', 'catalog-crlf-bom.csv');

      const first = await seed(env, ['--movies', csv]);
      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toContain('catalog cache: invalidated');
      const version = await redis.get(catalogVersionKey(prefix));
      expect(version).not.toBeNull();

      // Nothing added the second time: nothing to invalidate.
      const again = await seed(env, ['--movies', csv]);
      expect(again.code).toBe(0);
      expect(again.stdout).not.toContain('catalog cache');
      expect(await redis.get(catalogVersionKey(prefix))).toBe(version);

      // Movies added while Redis cannot be reached: the seed still succeeds, and says what it means.
      const unreachable = await seed({ ...env, REDIS_URL: 'redis://127.0.0.1:1' }, ['--synthetic', '3']);
      expect(unreachable.code).toBe(0);
      expect(unreachable.stdout).toContain('synthetic catalog: 3 movies added');
      expect(unreachable.stderr).toMatch(/catalog cache: not invalidated \(.+\); running APIs may list the catalog as it was for up to 600 s/);
    } finally {
      await redis.quit();
      await deleteRedisKeys(REDIS_URL, prefix);
      await database.drop();
    }
  }, 120_000);
});
