import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { CATALOG_MESSAGES } from '../../src/modules/catalog/catalog.messages';
import type { MovieResponse } from '../../src/modules/catalog/catalog.responses';
import { answer, detail } from '../utils/accounts';
import { createTestApp, type TestApp } from '../utils/app';
import { type CatalogCallers, catalogCallers, createMovie, send } from '../utils/catalog';

const MODERATOR_REQUIRED = 'Access denied. Moderator or admin required.';

describe('catalog: genres, stars, directors, certifications', () => {
  let t: TestApp;
  let db: DataSource;
  let as: CatalogCallers;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    as = await catalogCallers(t);
  });
  afterAll(() => t.close());

  const clear = (table: string) => db.query(`TRUNCATE ${table}, movies CASCADE`);

  describe('genres', () => {
    const create = (name: unknown, headers = as.moderator) => send(t, 'POST', '/movies/genres/create/', { name }, headers);

    beforeEach(() => clear('genres'));

    it('creates a genre, {name, id}, for moderators and admins', async () => {
      const res = await create('Film-Noir');

      expect(res.statusCode).toBe(201);
      expect(Object.keys(res.json())).toEqual(['name', 'id']);
      expect(res.json()).toEqual({ name: 'Film-Noir', id: expect.any(Number) });
      expect((await create('Western', as.admin)).statusCode).toBe(201);
      expect(answer(await create('Horror', {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await create('Horror', as.user))).toEqual(detail(403, MODERATOR_REQUIRED));
    });

    it('refuses an equal name in any case with 409, but not a longer one', async () => {
      await create('Action Comedy');

      expect(answer(await create('ACTION COMEDY'))).toEqual(detail(409, CATALOG_MESSAGES.genreExists('ACTION COMEDY')));
      expect((await create('Action')).statusCode).toBe(201);
      expect((await create('a_tion')).statusCode).toBe(201);
    });

    it('validates the name', async () => {
      const res = await send(t, 'POST', '/movies/genres/create/', {}, as.moderator);

      expect(res.json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} }] });
      expect((await create('')).json().detail[0]).toMatchObject({ type: 'string_too_short' });
      expect((await create('g'.repeat(101))).json().detail[0]).toMatchObject({ type: 'string_too_long', ctx: { max_length: 100 } });
      expect((await create('g'.repeat(100))).statusCode).toBe(201);
    });

    it('lists genres publicly in name order, with their number of movies', async () => {
      const drama = (await create('drama')).json();
      const action = (await create('Action')).json();
      await createMovie(t, as.moderator, { genres: ['Drama'] });
      await createMovie(t, as.moderator, { genres: ['Drama', 'Comedy'] });

      const res = await send(t, 'GET', '/movies/genres/');

      expect(answer(res)).toEqual({
        status: 200,
        body: {
          prev_page: null,
          next_page: null,
          total_pages: 1,
          total_items: 3,
          genres: [
            { name: 'Action', id: action.id, total_movies: 0 },
            { name: 'Comedy', id: expect.any(Number), total_movies: 1 },
            { name: 'drama', id: drama.id, total_movies: 2 },
          ],
        },
      });
      expect(Object.keys(res.json().genres[0])).toEqual(['name', 'id', 'total_movies']);
    });

    it('pages the list: page 2 of 10 genres by 3', async () => {
      for (let i = 0; i < 10; i += 1) await create(`Genre ${i}`);

      expect((await send(t, 'GET', '/movies/genres/?page=2&per_page=3')).json()).toEqual({
        prev_page: 'http://localhost:80/movies/genres/?page=1&per_page=3',
        next_page: 'http://localhost:80/movies/genres/?page=3&per_page=3',
        total_pages: 4,
        total_items: 10,
        genres: ['Genre 3', 'Genre 4', 'Genre 5'].map((name) => ({ name, id: expect.any(Number), total_movies: 0 })),
      });
    });

    describe('GET /movies/genres/{id}/', () => {
      it('answers the genre and a page of its movies as full movie objects', async () => {
        const movies: MovieResponse[] = [];
        for (const name of ['Amélie', 'Brazil', 'Chinatown']) movies.push(await createMovie(t, as.moderator, { name, genres: ['Quirky'] }));
        await createMovie(t, as.moderator, { name: 'Other', genres: ['Unrelated'] });
        const [{ id }] = await db.query(`SELECT id FROM genres WHERE name = 'Quirky'`);

        const res = await send(t, 'GET', `/movies/genres/${id}/?per_page=2`, undefined, as.user);

        expect(Object.keys(res.json())).toEqual(['prev_page', 'next_page', 'total_pages', 'total_items', 'id', 'name', 'movies']);
        expect(answer(res)).toEqual({
          status: 200,
          body: {
            prev_page: null,
            next_page: `http://localhost:80/movies/genres/${id}/?page=2&per_page=2`,
            total_pages: 2,
            total_items: 3,
            id,
            name: 'Quirky',
            movies: [movies[2], movies[1]],
          },
        });
      });

      it('needs authentication; 404 and 422 for a bad id', async () => {
        expect(answer(await send(t, 'GET', '/movies/genres/1/'))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
        expect(answer(await send(t, 'GET', '/movies/genres/999999/', undefined, as.user))).toEqual(detail(404, CATALOG_MESSAGES.genreNotFound));
        expect((await send(t, 'GET', '/movies/genres/abc/', undefined, as.user)).json()).toEqual({
          detail: [{ type: 'int_parsing', loc: ['path', 'genre_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' }],
        });
      });
    });

    it('renames a genre; 409 for a name another genre has, 404 for an unknown id', async () => {
      const scifi = (await create('Sci-Fi')).json();
      await create('Fantasy');
      const patch = (id: number | string, name: string, headers = as.moderator) => send(t, 'PATCH', `/movies/genres/${id}/`, { name }, headers);

      expect(answer(await patch(scifi.id, 'Science Fiction'))).toEqual({ status: 200, body: { name: 'Science Fiction', id: scifi.id } });
      expect(answer(await patch(scifi.id, 'SCIENCE FICTION'))).toEqual({ status: 200, body: { name: 'SCIENCE FICTION', id: scifi.id } });
      expect(answer(await patch(scifi.id, 'fantasy'))).toEqual(detail(409, CATALOG_MESSAGES.genreExists('fantasy')));
      expect(answer(await patch(999999, 'Anything'))).toEqual(detail(404, CATALOG_MESSAGES.genreNotFound));
      expect(answer(await patch(scifi.id, 'Anything', as.user))).toEqual(detail(403, MODERATOR_REQUIRED));
    });

    it('deletes a genre and its links; its movies stay', async () => {
      const movie = await createMovie(t, as.moderator, { genres: ['Doomed', 'Kept'] });
      const doomed = movie.genres.find((genre) => genre.name === 'Doomed') as { id: number };
      const remove = (headers = as.moderator) => send(t, 'DELETE', `/movies/genres/${doomed.id}/`, undefined, headers);

      expect(answer(await remove(as.user))).toEqual(detail(403, MODERATOR_REQUIRED));
      expect(answer(await remove())).toEqual({ status: 200, body: { message: CATALOG_MESSAGES.genreDeleted } });
      expect(answer(await remove())).toEqual(detail(404, CATALOG_MESSAGES.genreNotFound));
      expect((await send(t, 'GET', `/movies/${movie.uuid}/`, undefined, as.user)).json().genres.map((genre: { name: string }) => genre.name)).toEqual(['Kept']);
    });
  });

  describe.each([
    {
      kind: 'stars',
      param: 'star_id',
      keys: ['name', 'id'],
      messages: { exists: CATALOG_MESSAGES.starExists, notFound: CATALOG_MESSAGES.starNotFound, deleted: CATALOG_MESSAGES.starDeleted },
    },
    {
      kind: 'directors',
      param: 'director_id',
      keys: ['id', 'name'],
      messages: { exists: CATALOG_MESSAGES.directorExists, notFound: CATALOG_MESSAGES.directorNotFound, deleted: CATALOG_MESSAGES.directorDeleted },
    },
  ])('$kind', ({ kind, param, keys, messages }) => {
    const create = (name: unknown, headers = as.moderator) => send(t, 'POST', `/movies/${kind}/create/`, { name }, headers);
    const read = (id: number | string, headers = as.user) => send(t, 'GET', `/movies/${kind}/${id}/`, undefined, headers);

    beforeEach(() => clear(kind));

    it('creates, reads, renames and deletes, with the reference messages', async () => {
      const created = await create('Tom Hanks');
      expect(created.statusCode).toBe(201);
      const person = created.json();
      expect(Object.keys(person)).toEqual(keys);
      expect(person).toEqual({ id: expect.any(Number), name: 'Tom Hanks' });

      expect(answer(await read(person.id))).toEqual({ status: 200, body: person });
      const renamed = await send(t, 'PATCH', `/movies/${kind}/${person.id}/`, { name: 'Thomas Hanks' }, as.moderator);
      expect(answer(renamed)).toEqual({ status: 200, body: { id: person.id, name: 'Thomas Hanks' } });
      expect(answer(await send(t, 'DELETE', `/movies/${kind}/${person.id}/`, undefined, as.moderator))).toEqual({
        status: 200,
        body: { message: messages.deleted },
      });
      expect(answer(await read(person.id))).toEqual(detail(404, messages.notFound));
      expect(answer(await send(t, 'PATCH', `/movies/${kind}/${person.id}/`, { name: 'X' }, as.moderator))).toEqual(detail(404, messages.notFound));
      expect(answer(await send(t, 'DELETE', `/movies/${kind}/${person.id}/`, undefined, as.moderator))).toEqual(detail(404, messages.notFound));
    });

    it('conflicts only on an equal name, in any case (CONTRACT.md B15)', async () => {
      await create('Tom Hanks');
      const other = (await create('Meg Ryan')).json();

      expect(answer(await create('tom hanks'))).toEqual(detail(409, messages.exists('tom hanks')));
      expect((await create('Tom')).statusCode).toBe(201);
      expect(answer(await send(t, 'PATCH', `/movies/${kind}/${other.id}/`, { name: 'TOM HANKS' }, as.moderator))).toEqual(
        detail(409, messages.exists('TOM HANKS')),
      );
    });

    it('guards writes for moderators and reads for users', async () => {
      const person = (await create('Guarded')).json();

      expect(answer(await create('X', as.user))).toEqual(detail(403, MODERATOR_REQUIRED));
      expect(answer(await send(t, 'PATCH', `/movies/${kind}/${person.id}/`, { name: 'X' }, as.user))).toEqual(detail(403, MODERATOR_REQUIRED));
      expect(answer(await send(t, 'DELETE', `/movies/${kind}/${person.id}/`, undefined, as.user))).toEqual(detail(403, MODERATOR_REQUIRED));
      expect(answer(await read(person.id, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect((await read('x1')).json().detail[0]).toMatchObject({ type: 'int_parsing', loc: ['path', param] });
    });

    it('lists publicly, in name order then id, paginated', async () => {
      for (const name of ['carol', 'Bob', 'alice', 'Dave']) await create(name);

      const res = await send(t, 'GET', `/movies/${kind}/?per_page=3`);

      expect(answer(res)).toEqual({
        status: 200,
        body: {
          prev_page: null,
          next_page: `http://localhost:80/movies/${kind}/?page=2&per_page=3`,
          total_pages: 2,
          total_items: 4,
          [kind]: ['alice', 'Bob', 'carol'].map((name) => ({ id: expect.any(Number), name })),
        },
      });
      expect(Object.keys(res.json()[kind][0])).toEqual(keys);
    });
  });

  describe('certifications', () => {
    it('lists publicly and reads for users; movie create is the only way to add one', async () => {
      await clear('certifications');
      await createMovie(t, as.moderator, { certification: 'PG-13' });
      await createMovie(t, as.moderator, { certification: 'G' });

      const list = await send(t, 'GET', '/movies/certifications/');

      expect(answer(list)).toEqual({
        status: 200,
        body: {
          prev_page: null,
          next_page: null,
          total_pages: 1,
          total_items: 2,
          certifications: [
            { name: 'G', id: expect.any(Number) },
            { name: 'PG-13', id: expect.any(Number) },
          ],
        },
      });
      const [g] = list.json().certifications;
      expect(answer(await send(t, 'GET', `/movies/certifications/${g.id}/`, undefined, as.user))).toEqual({ status: 200, body: g });
      expect(answer(await send(t, 'GET', `/movies/certifications/${g.id}/`))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await send(t, 'GET', '/movies/certifications/999999/', undefined, as.user))).toEqual(detail(404, CATALOG_MESSAGES.certificationNotFound));
      expect((await send(t, 'POST', '/movies/certifications/', { name: 'X' }, as.admin)).statusCode).toBe(405);
    });
  });
});
