import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import type { MovieResponse } from '../../src/modules/catalog/catalog.responses';
import { MoviePageCache } from '../../src/modules/catalog/movie-page-cache';
import type { MovieFilters } from '../../src/modules/catalog/movie-queries';
import { parseSort } from '../../src/modules/catalog/movie-sort';
import { insertMovie } from '../factories/commerce';
import { answer, eventually } from '../utils/accounts';
import { createTestApp, type TestApp } from '../utils/app';
import { type CatalogCallers, catalogCallers, createMovie, send } from '../utils/catalog';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy';

interface Page {
  total_items: number;
  movies: MovieResponse[];
}

async function list(t: TestApp, query: string): Promise<Page> {
  const res = answer(await send(t, 'GET', `/movies/${query}`));
  if (res.status !== 200) throw new Error(`GET /movies/${query}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Page;
}

const names = (page: Page) => page.movies.map((movie) => movie.name);

/** The cache key of the first page (10 movies) of `filters` in the default order, as the API computes it. */
function firstPageKey(t: TestApp, filters: MovieFilters): string {
  return t.app.get(MoviePageCache).keyOf(filters, parseSort(undefined), { offset: 0, limit: 10 }) as string;
}

describe('catalog: the page cache of movie lists', () => {
  let t: TestApp;
  let as: CatalogCallers;

  beforeAll(async () => {
    t = await createTestApp();
    as = await catalogCallers(t);
    await createMovie(t, as.moderator, { name: 'Harbor Lights', description: 'A lighthouse keeper.', stars: ['Ada Quill'], directors: ['Ben Rook'], genres: ['Drama'] });
    await createMovie(t, as.moderator, { name: 'Harbor Nights', description: 'A night ferry.', stars: ['Ada Quill'], directors: ['Cy Dale'], genres: ['Noir'] });
  });
  afterAll(() => t.close());

  it('serves a repeated page from the cache while the catalog is unchanged, its movies read anew', async () => {
    const first = await list(t, '?search=harbor');
    expect(names(first)).toEqual(['Harbor Nights', 'Harbor Lights']);
    const cache = t.app.get(MoviePageCache);
    const key = firstPageKey(t, { search: 'harbor' });
    const stored = await cache.get(key);
    expect(stored).toMatchObject({ ids: [expect.any(Number), expect.any(Number)], total: 2 });

    // A forged entry under the same version is what the API answers: the page comes from the cache.
    await cache.set(key, { ...stored!, ids: [...stored!.ids].reverse(), total: 7 });
    const forged = await list(t, '?search=harbor');
    expect(forged.total_items).toBe(7);
    expect(names(forged)).toEqual(['Harbor Lights', 'Harbor Nights']);
    // A price is not part of what lists are selected and ordered by, but the movies are read anew.
    expect(forged.movies[0].price).toBe(first.movies[1].price);
  });

  it('shows a change made anywhere, plain SQL included, in the next list', async () => {
    expect((await list(t, '?search=quayside')).total_items).toBe(0);
    // Written with plain SQL, behind the API's back.
    const { id } = await insertMovie(t, { name: 'Quayside Once' });
    await insertMovie(t, { name: 'Quayside Twice' });
    expect(names(await list(t, '?search=quayside'))).toEqual(['Quayside Twice', 'Quayside Once']);

    await t.app.get(DataSource).query(`UPDATE movies SET price = 3.21 WHERE id = $1`, [id]);
    expect((await list(t, '?search=quayside')).movies[1].price).toBe('3.21');

    await t.app.get(DataSource).query(`DELETE FROM movies WHERE id = $1`, [id]);
    const page = await list(t, '?search=quayside');
    expect(page.total_items).toBe(1);
    expect(names(page)).toEqual(['Quayside Twice']);
  });

  describe('every catalog write through the API shows in the next list at once', () => {
    /** Lists `query` (so that the page is cached), makes the write, lists again. */
    const around = async (query: string, write: () => Promise<{ statusCode: number }>) => {
      const before = await list(t, query);
      const res = await write();
      expect(res.statusCode).toBeLessThan(300);
      return { before, after: await list(t, query) };
    };
    const movieNamed = async (name: string) => (await list(t, `?search=${encodeURIComponent(name)}`)).movies[0];

    it('creating a movie', async () => {
      const { before, after } = await around('?search=estuary', () => send(t, 'POST', '/movies/create/', movieCreateBody('Estuary'), as.moderator));
      expect(before.total_items).toBe(0);
      expect(names(after)).toEqual(['Estuary']);
    });

    it('renaming a movie (out of a search, and in the order)', async () => {
      const movie = await createMovie(t, as.moderator, { name: 'Lagoon Blue' });
      const { before, after } = await around('?search=lagoon', () => send(t, 'PATCH', `/movies/${movie.uuid}/`, { name: 'Atoll Blue' }, as.moderator));
      expect(names(before)).toEqual(['Lagoon Blue']);
      expect(after.total_items).toBe(0);
    });

    it("changing a movie's stars (a search by star name)", async () => {
      const movie = await createMovie(t, as.moderator, { name: 'Fjord', stars: ['Oona Marsh'] });
      const { before, after } = await around('?search=oona%20marsh', () => send(t, 'PATCH', `/movies/${movie.uuid}/`, { stars: ['Other Person'] }, as.moderator));
      expect(names(before)).toEqual(['Fjord']);
      expect(after.total_items).toBe(0);
    });

    it('deleting a movie that is not on the page (the count drops)', async () => {
      await createMovie(t, as.moderator, { name: 'Sandbar Zenith' });
      const gone = await createMovie(t, as.moderator, { name: 'Sandbar Alpha' });
      const { before, after } = await around('?search=sandbar&per_page=1', () => send(t, 'DELETE', `/movies/${gone.uuid}/`, undefined, as.moderator));
      expect(before).toMatchObject({ total_items: 2 });
      expect(names(before)).toEqual(['Sandbar Zenith']);
      expect(after.total_items).toBe(1);
    });

    it('renaming a genre', async () => {
      await createMovie(t, as.moderator, { name: 'Lido', genres: ['Oldgenre'] });
      const genre = (await movieNamed('Lido')).genres[0];
      const { before, after } = await around('?genre=newgenre', () => send(t, 'PATCH', `/movies/genres/${genre.id}/`, { name: 'Newgenre' }, as.moderator));
      expect(before.total_items).toBe(0);
      expect(names(after)).toEqual(['Lido']);
    });

    it('renaming a star', async () => {
      await createMovie(t, as.moderator, { name: 'Delta', stars: ['Ivo Plain'] });
      const star = (await movieNamed('Delta')).stars[0];
      const { before, after } = await around('?star=ivo%20renamed', () => send(t, 'PATCH', `/movies/stars/${star.id}/`, { name: 'Ivo Renamed' }, as.moderator));
      expect(before.total_items).toBe(0);
      expect(names(after)).toEqual(['Delta']);
    });

    it('renaming a director', async () => {
      await createMovie(t, as.moderator, { name: 'Cove', directors: ['Wim Stale'] });
      const director = (await movieNamed('Cove')).directors[0];
      const { before, after } = await around('?director=wim%20fresh', () => send(t, 'PATCH', `/movies/directors/${director.id}/`, { name: 'Wim Fresh' }, as.moderator));
      expect(before.total_items).toBe(0);
      expect(names(after)).toEqual(['Cove']);
    });

    it('deleting a genre (its movies leave its filter and its own list)', async () => {
      await createMovie(t, as.moderator, { name: 'Reef', genres: ['Shortlived'] });
      const genre = (await movieNamed('Reef')).genres[0];
      const genrePage = async () => answer(await send(t, 'GET', `/movies/genres/${genre.id}/`, undefined, as.user));
      expect((await genrePage()).body).toMatchObject({ total_items: 1 });

      const { before, after } = await around('?genre=shortlived', () => send(t, 'DELETE', `/movies/genres/${genre.id}/`, undefined, as.moderator));
      expect(before.total_items).toBe(1);
      expect(after.total_items).toBe(0);
      expect((await genrePage()).status).toBe(404);
    });

    it('but not creating a genre, star or director, which no list shows yet: cached pages stay', async () => {
      await insertMovie(t, { name: 'Shoal' });
      expect((await list(t, '?search=shoal')).total_items).toBe(1);
      const cache = t.app.get(MoviePageCache);
      const key = firstPageKey(t, { search: 'shoal' });
      const stored = (await cache.get(key))!;
      await cache.set(key, { ...stored, total: 99 });

      for (const kind of ['genres', 'stars', 'directors']) {
        expect((await send(t, 'POST', `/movies/${kind}/create/`, { name: `Newcomer ${kind}` }, as.moderator)).statusCode).toBe(201);
      }

      expect((await list(t, '?search=shoal')).total_items).toBe(99);
    });
  });
});

describe('catalog: lists without the page cache', () => {
  it('CATALOG_CACHE_TTL=0 turns it off: nothing is stored', async () => {
    const t = await createTestApp({ env: { CATALOG_CACHE_TTL: '0' } });
    const redis = new Redis(t.config.redisUrl);
    try {
      await insertMovie(t, { name: 'Marina' });
      expect((await list(t, '?search=marina')).total_items).toBe(1);
      expect((await list(t, '?search=marina')).total_items).toBe(1);
      expect(await redis.keys(`${t.config.redisPrefix}:catalog:*`)).toEqual([]);
    } finally {
      await redis.quit();
      await t.close();
    }
  });

  describe('while Redis is unreachable', () => {
    let proxy: TcpProxy;
    let t: TestApp;
    let as: CatalogCallers;

    beforeAll(async () => {
      proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
      t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
      as = await catalogCallers(t);
    });
    afterAll(async () => {
      proxy.restore();
      await t.close();
      await proxy.close();
    });

    it('answers lists from PostgreSQL, and a write made meanwhile is not hidden by pages cached before', async () => {
      await createMovie(t, as.moderator, { name: 'Pier One' });
      expect((await list(t, '?search=pier')).total_items).toBe(1);
      expect(await t.app.get(MoviePageCache).get(firstPageKey(t, { search: 'pier' }))).toMatchObject({ total: 1 });

      proxy.cut();
      expect((await list(t, '?search=pier')).total_items).toBe(1);
      // Writes through the API need Redis (their caller's token is checked there): plain SQL.
      await insertMovie(t, { name: 'Pier Two' });
      expect((await list(t, '?search=pier')).total_items).toBe(2);

      proxy.restore();
      // The page cached before the outage is of an older catalog: never served again.
      await eventually(async () => (await t.app.get(MoviePageCache).get(firstPageKey(t, { search: 'pier' }))) !== null);
      for (let i = 0; i < 3; i += 1) expect(names(await list(t, '?search=pier'))).toEqual(['Pier Two', 'Pier One']);
    });
  });
});

function movieCreateBody(name: string): Record<string, unknown> {
  return {
    name,
    year: 2011,
    time: 95,
    imdb: 7.1,
    votes: 1000,
    description: 'Created through the API.',
    price: '4.00',
    certification: 'PG',
    genres: ['Drama'],
    directors: ['Some Director'],
    stars: ['Some Star'],
  };
}
