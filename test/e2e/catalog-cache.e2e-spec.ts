import { DataSource } from 'typeorm';
import type { MovieResponse } from '../../src/modules/catalog/catalog.responses';
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

/** A movie written with plain SQL, as a writer that bypasses the API would (no cache invalidation). */
async function insertBehindTheApi(t: TestApp, name: string, description: string): Promise<number> {
  const db = t.app.get(DataSource);
  await db.query(`INSERT INTO certifications (name) SELECT 'NR' WHERE NOT EXISTS (SELECT 1 FROM certifications)`);
  const [{ id }]: Array<{ id: number }> = await db.query(
    `INSERT INTO movies (name, year, time, imdb, votes, description, price, certification_id)
     SELECT $1, 2001, 99, 7.0, 10, $2, 1.00, id FROM certifications ORDER BY id LIMIT 1 RETURNING id`,
    [name, description],
  );
  return id;
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

  it('serves a repeated page from the cache, with the movies themselves read fresh', async () => {
    const first = await list(t, '?search=harbor');
    expect(names(first)).toEqual(['Harbor Nights', 'Harbor Lights']);

    // Behind the API's back: a new match, and a new price for a listed movie.
    await insertBehindTheApi(t, 'Harbor Dawn', 'Unlisted until the cache hears of it.');
    await t.app.get(DataSource).query(`UPDATE movies SET price = 3.21 WHERE name = 'Harbor Lights'`);

    const second = await list(t, '?search=harbor');
    // The cached ids and count: the new movie is not there yet...
    expect(second.total_items).toBe(2);
    expect(names(second)).toEqual(['Harbor Nights', 'Harbor Lights']);
    // ...but the listed movies are read anew.
    expect(second.movies[1].price).toBe('3.21');
    // Another query is computed, and sees it.
    expect(names(await list(t, '?search=harbor&sort=name'))).toEqual(['Harbor Dawn', 'Harbor Lights', 'Harbor Nights']);
  });

  it('computes a page anew when one of its movies was deleted behind its back', async () => {
    const id = await insertBehindTheApi(t, 'Quayside Once', 'Soon gone.');
    await insertBehindTheApi(t, 'Quayside Twice', 'Stays.');
    expect((await list(t, '?search=quayside')).total_items).toBe(2);

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

    it('deleting a movie', async () => {
      const movie = await createMovie(t, as.moderator, { name: 'Sandbar' });
      const { before, after } = await around('?search=sandbar', () => send(t, 'DELETE', `/movies/${movie.uuid}/`, undefined, as.moderator));
      expect(before.total_items).toBe(1);
      expect(after.total_items).toBe(0);
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

    it('creating a star or a director (every write moves the catalog on)', async () => {
      expect((await list(t, '?search=shoal')).total_items).toBe(0);
      await insertBehindTheApi(t, 'Shoal', 'Written behind the API.');
      expect((await list(t, '?search=shoal')).total_items).toBe(0);

      expect((await send(t, 'POST', '/movies/stars/create/', { name: 'Newcomer Star' }, as.moderator)).statusCode).toBe(201);
      expect(names(await list(t, '?search=shoal'))).toEqual(['Shoal']);

      await insertBehindTheApi(t, 'Shoal Two', 'Also behind.');
      expect((await list(t, '?search=shoal')).total_items).toBe(1);
      expect((await send(t, 'POST', '/movies/directors/create/', { name: 'Newcomer Director' }, as.moderator)).statusCode).toBe(201);
      expect(names(await list(t, '?search=shoal'))).toEqual(['Shoal Two', 'Shoal']);
    });
  });
});

describe('catalog: lists without the page cache', () => {
  it('CATALOG_CACHE_TTL=0 turns it off: every list is computed', async () => {
    const t = await createTestApp({ env: { CATALOG_CACHE_TTL: '0' } });
    try {
      expect((await list(t, '?search=marina')).total_items).toBe(0);
      await insertBehindTheApi(t, 'Marina', 'Listed at once.');
      expect((await list(t, '?search=marina')).total_items).toBe(1);
    } finally {
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
      expect((await list(t, '?search=pier')).total_items).toBe(1);

      proxy.cut();
      expect((await list(t, '?search=pier')).total_items).toBe(1);
      // Behind the API's back, and listed at once: nothing is cached while Redis is away.
      await insertBehindTheApi(t, 'Pier Two', 'During the outage.');
      expect((await list(t, '?search=pier')).total_items).toBe(2);

      proxy.restore();
      // Once Redis is back, pages are cached again: a movie added behind the API's back after a
      // page was stored stays out of it. Each attempt asks for a page of its own.
      let attempt = 0;
      await eventually(async () => {
        attempt += 1;
        const query = `?search=pier&year_from=${attempt}`;
        const stored = (await list(t, query)).total_items;
        await insertBehindTheApi(t, `Pier Probe ${attempt}`, 'Probe.');
        return (await list(t, query)).total_items === stored;
      });
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
