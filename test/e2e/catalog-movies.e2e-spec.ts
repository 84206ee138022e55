import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { CATALOG_MESSAGES } from '../../src/modules/catalog/catalog.messages';
import type { MovieResponse } from '../../src/modules/catalog/catalog.responses';
import { answer, detail } from '../utils/accounts';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';
import { type CatalogCallers, catalogCallers, createMovie, movieBody, send } from '../utils/catalog';

const NEXT_YEAR = new Date().getUTCFullYear() + 1;
/** The reference's keys, then the engagement fields of CONTRACT.md C.3. */
const MOVIE_KEYS = [
  'year', 'name', 'imdb', 'description', 'price', 'certification', 'uuid', 'time', 'votes', 'meta_score', 'gross', 'genres', 'directors', 'stars',
  'likes', 'dislikes', 'rating', 'my_reaction', 'my_rating', 'is_favorite', 'is_purchased',
];

/**
 * One value outside (or exactly on) each bound of the movie rules, with the 422 entry it must
 * give (`null`: accepted). Create and PATCH apply the same table.
 */
const BOUNDS: Array<[field: string, value: unknown, error: Record<string, unknown> | null]> = [
  ['name', '', { type: 'string_too_short', msg: 'String should have at least 1 character', ctx: { min_length: 1 } }],
  ['name', 'x'.repeat(250), null],
  ['name', 'x'.repeat(251), { type: 'string_too_long', msg: 'String should have at most 250 characters', ctx: { max_length: 250 } }],
  ['year', 1894, { type: 'value_error', msg: 'Value error, Year cannot be before 1895', ctx: { error: {} } }],
  ['year', 1895, null],
  ['year', NEXT_YEAR, null],
  ['year', NEXT_YEAR + 1, { type: 'value_error', msg: `Value error, Year cannot be in future: ${NEXT_YEAR + 1}`, ctx: { error: {} } }],
  ['time', 0, { type: 'greater_than', msg: 'Input should be greater than 0', ctx: { gt: 0 } }],
  ['time', 1, null],
  ['imdb', 0.99, { type: 'greater_than_equal', msg: 'Input should be greater than or equal to 1', ctx: { ge: 1 } }],
  ['imdb', 1, null],
  ['imdb', 10, null],
  ['imdb', 10.01, { type: 'less_than_equal', msg: 'Input should be less than or equal to 10', ctx: { le: 10 } }],
  ['votes', -1, { type: 'greater_than_equal', msg: 'Input should be greater than or equal to 0', ctx: { ge: 0 } }],
  ['votes', 0, null],
  ['meta_score', -0.1, { type: 'greater_than_equal', msg: 'Input should be greater than or equal to 0', ctx: { ge: 0 } }],
  ['meta_score', 0, null],
  ['meta_score', 100, null],
  ['meta_score', 100.1, { type: 'less_than_equal', msg: 'Input should be less than or equal to 100', ctx: { le: 100 } }],
  ['gross', -1, { type: 'greater_than_equal', msg: 'Input should be greater than or equal to 0', ctx: { ge: 0 } }],
  ['gross', 0, null],
  ['price', '-0.01', { type: 'greater_than_equal', msg: 'Input should be greater than or equal to 0', ctx: { ge: 0 } }],
  ['price', '0', null],
  ['price', '9.999', { type: 'decimal_max_places', msg: 'Decimal input should have no more than 2 decimal places', ctx: { decimal_places: 2 } }],
  ['price', '99999999.99', null],
  ['price', '100000000', { type: 'decimal_whole_digits', msg: 'Decimal input should have no more than 8 digits before the decimal point', ctx: { whole_digits: 8 } }],
  ['certification', 'c'.repeat(101), { type: 'string_too_long', msg: 'String should have at most 100 characters', ctx: { max_length: 100 } }],
];

describe('catalog: movies', () => {
  let t: TestApp;
  let db: DataSource;
  let as: CatalogCallers;

  const create = (body: unknown, headers = as.moderator) => send(t, 'POST', '/movies/create/', body, headers);
  const patch = (uuid: string, body: unknown, headers = as.moderator) => send(t, 'PATCH', `/movies/${uuid}/`, body, headers);
  const remove = (uuid: string, headers = as.moderator) => send(t, 'DELETE', `/movies/${uuid}/`, undefined, headers);
  const fetch = (uuid: string, headers = as.user) => send(t, 'GET', `/movies/${uuid}/`, undefined, headers);
  const idOf = async (uuid: string): Promise<number> => (await db.query(`SELECT id FROM movies WHERE uuid = $1`, [uuid]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    as = await catalogCallers(t);
  });
  afterAll(() => t.close());

  describe('POST /movies/create/', () => {
    it('creates the movie and answers the reference shape, key order included', async () => {
      const res = await create(
        movieBody({ name: 'Inception', genres: ['Sci-Fi', 'Action'], stars: ['Tom Hardy', 'Elliot Page'], directors: ['Christopher Nolan'] }),
      );

      expect(res.statusCode).toBe(201);
      const movie = res.json<MovieResponse>();
      expect(Object.keys(movie)).toEqual(MOVIE_KEYS);
      expect(movie).toEqual({
        year: 2010,
        name: 'Inception',
        imdb: 8.8,
        description: 'A thief who steals secrets through dreams is offered one last job.',
        price: '9.99',
        certification: { name: 'PG-13' },
        uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        time: 148,
        votes: 2_400_000,
        meta_score: 74,
        gross: 292_576_195,
        genres: [
          { name: 'Action', id: expect.any(Number) },
          { name: 'Sci-Fi', id: expect.any(Number) },
        ],
        directors: [{ id: expect.any(Number), name: 'Christopher Nolan' }],
        stars: [
          { name: 'Elliot Page', id: expect.any(Number) },
          { name: 'Tom Hardy', id: expect.any(Number) },
        ],
        likes: 0,
        dislikes: 0,
        rating: { average: null, count: 0 },
        my_reaction: null,
        my_rating: null,
        is_favorite: false,
        is_purchased: false,
      });
      expect(Object.keys(movie.genres[0])).toEqual(['name', 'id']);
      expect(Object.keys(movie.directors[0])).toEqual(['id', 'name']);
      expect(Object.keys(movie.stars[0])).toEqual(['name', 'id']);
    });

    it('accepts admins, applies the defaults and stores names as given', async () => {
      const body = movieBody({ name: 'the GODFATHER part II', certification: 'r', price: 5 });
      delete body.votes;
      delete body.meta_score;
      delete body.gross;

      const res = await create(body, as.admin);

      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ name: 'the GODFATHER part II', price: '5.00', certification: { name: 'r' }, votes: 0, meta_score: null, gross: null });
    });

    it('is for moderators and admins, checked before the body', async () => {
      expect(answer(await create({}, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await create({}, as.user))).toEqual(detail(403, 'Access denied. Moderator or admin required.'));
      expect((await create({}, as.moderator)).statusCode).toBe(422);
    });

    it('refuses a movie with the same name (in any case), year and time with 409', async () => {
      await createMovie(t, as.moderator, { name: 'Solaris', year: 1972, time: 167 });

      expect(answer(await create(movieBody({ name: 'SOLARIS', year: 1972, time: 167 })))).toEqual(
        detail(409, CATALOG_MESSAGES.movieExists('SOLARIS', 1972, 167)),
      );
      expect(await db.query(`SELECT count(*)::int AS n FROM movies WHERE lower(name) = 'solaris'`)).toEqual([{ n: 1 }]);
    });

    it('lets a remake share its title (CONTRACT.md B16)', async () => {
      await createMovie(t, as.moderator, { name: 'Scarface', year: 1932, time: 93 });

      expect((await create(movieBody({ name: 'Scarface', year: 1983, time: 170 }))).statusCode).toBe(201);
    });

    it('attaches existing genres, stars, directors and certifications by exact, case-insensitive name', async () => {
      const first = await createMovie(t, as.moderator, {
        genres: ['Action Comedy'],
        stars: ['Tom Hanks'],
        directors: ['Robert Zemeckis'],
        certification: 'PG-13',
      });

      const second = await createMovie(t, as.moderator, {
        genres: ['action comedy', 'Action'],
        stars: ['TOM HANKS', 'Tom'],
        directors: ['robert zemeckis'],
        certification: 'pg-13',
      });

      expect(second.genres).toContainEqual(first.genres[0]);
      expect(second.genres.map((genre) => genre.name).sort()).toEqual(['Action', 'Action Comedy']);
      expect(second.stars).toContainEqual(first.stars[0]);
      expect(second.stars.map((star) => star.name).sort()).toEqual(['Tom', 'Tom Hanks']);
      expect(second.directors).toEqual(first.directors);
      expect(second.certification).toEqual({ name: 'PG-13' });
      expect(await db.query(`SELECT name FROM certifications WHERE lower(name) = 'pg-13'`)).toEqual([{ name: 'PG-13' }]);
    });

    it('links a name given twice (in two cases) once', async () => {
      const movie = await createMovie(t, as.moderator, { genres: ['Western', 'western', 'Western'], stars: [], directors: [] });

      expect(movie.genres.map((genre) => genre.name)).toEqual(['Western']);
      expect(movie.stars).toEqual([]);
      expect(movie.directors).toEqual([]);
    });

    it('creates a new genre once when concurrent requests name it in different cases', async () => {
      const names = ['Solarpunk', 'SOLARPUNK', 'solarpunk', 'SolarPunk', 'solarPUNK', 'Solarpunk', 'sOLARPUNK', 'SOLARpunk'];

      const responses = await Promise.all(
        names.map((genre) => create(movieBody({ genres: [genre, 'Concurrent Drama'], stars: ['Concurrent Star'], directors: [] }))),
      );

      expect(responses.map((res) => res.statusCode)).toEqual(names.map(() => 201));
      expect(await db.query(`SELECT count(*)::int AS n FROM genres WHERE lower(name) = 'solarpunk'`)).toEqual([{ n: 1 }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM stars WHERE name = 'Concurrent Star'`)).toEqual([{ n: 1 }]);
      const genreIds = new Set(responses.flatMap((res) => res.json<MovieResponse>().genres.map((genre) => genre.id)));
      expect(genreIds.size).toBe(2);
    });

    it('creates a movie once when the same one is sent concurrently; the others get 409', async () => {
      const body = movieBody({ name: 'Twin Peaks: Fire Walk with Me', year: 1992, time: 135 });

      const responses = await Promise.all(Array.from({ length: 5 }, () => create(body)));

      expect(responses.map((res) => res.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
      expect(responses.find((res) => res.statusCode === 409)?.json()).toEqual({ detail: CATALOG_MESSAGES.movieExists(body.name as string, 1992, 135) });
    });

    it('reports every invalid field, in the reference order and shape', async () => {
      const res = await create({ name: 'Broken', year: 0, time: -10, imdb: 11, votes: 'many', genres: 'Drama', directors: [], stars: [null] });

      expect(res.statusCode).toBe(422);
      const input = { name: 'Broken', year: 0, time: -10, imdb: 11, votes: 'many', genres: 'Drama', directors: [], stars: [null] };
      expect(res.json()).toEqual({
        detail: [
          { type: 'value_error', loc: ['body', 'year'], msg: 'Value error, Year cannot be before 1895', input: 0, ctx: { error: {} } },
          { type: 'greater_than', loc: ['body', 'time'], msg: 'Input should be greater than 0', input: -10, ctx: { gt: 0 } },
          { type: 'less_than_equal', loc: ['body', 'imdb'], msg: 'Input should be less than or equal to 10', input: 11, ctx: { le: 10 } },
          { type: 'int_parsing', loc: ['body', 'votes'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'many' },
          { type: 'missing', loc: ['body', 'description'], msg: 'Field required', input },
          { type: 'missing', loc: ['body', 'price'], msg: 'Field required', input },
          { type: 'missing', loc: ['body', 'certification'], msg: 'Field required', input },
          { type: 'list_type', loc: ['body', 'genres'], msg: 'Input should be a valid list', input: 'Drama' },
          { type: 'string_type', loc: ['body', 'stars', 0], msg: 'Input should be a valid string', input: null },
        ],
      });
    });

    it.each(BOUNDS)('checks %s = %j', async (field, value, error) => {
      const res = await create(movieBody({ [field]: value }));

      if (error === null) expect(res.statusCode).toBe(201);
      else expect(answer(res)).toEqual({ status: 422, body: { detail: [{ loc: ['body', field], input: value, ...error }] } });
    });

    it('refuses names that do not fit their columns in lists', async () => {
      const res = await create(movieBody({ genres: ['g'.repeat(101)], stars: [''] }));

      expect(res.json()).toEqual({
        detail: [
          { type: 'string_too_long', loc: ['body', 'genres', 0], msg: 'String should have at most 100 characters', input: 'g'.repeat(101), ctx: { max_length: 100 } },
          { type: 'string_too_short', loc: ['body', 'stars', 0], msg: 'String should have at least 1 character', input: '', ctx: { min_length: 1 } },
        ],
      });
    });

    it('answers malformed JSON with json_invalid', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/movies/create/', payload: '{"name": ', headers: { 'content-type': 'application/json', ...as.moderator } });

      expect(res.statusCode).toBe(422);
      expect(res.json().detail[0]).toMatchObject({ type: 'json_invalid', msg: 'JSON decode error' });
    });
  });

  describe('GET /movies/{uuid}/', () => {
    let movie: MovieResponse;

    beforeAll(async () => {
      movie = await createMovie(t, as.moderator, { name: 'Stalker', year: 1979, time: 162 });
    });

    it('answers the movie to any active user, in any of the UUID forms', async () => {
      for (const form of [movie.uuid, movie.uuid.toUpperCase(), movie.uuid.replaceAll('-', '')]) {
        expect(answer(await fetch(form))).toEqual({ status: 200, body: movie });
      }
    });

    it('needs an active user', async () => {
      const inactive = await insertUser(t, { isActive: false });

      expect(answer(await fetch(movie.uuid, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await fetch(movie.uuid, bearer(accessTokenFor(t, inactive.id))))).toEqual(detail(403, AUTH_MESSAGES.userInactive));
    });

    it('answers 404 for an unknown movie and 422 for a malformed UUID', async () => {
      expect(answer(await fetch('00000000-0000-4000-8000-000000000000'))).toEqual(detail(404, CATALOG_MESSAGES.movieNotFound));
      expect(answer(await fetch('not-a-uuid'))).toEqual({
        status: 422,
        body: {
          detail: [
            {
              type: 'uuid_parsing',
              loc: ['path', 'movie_uuid'],
              msg: 'Input should be a valid UUID, invalid character: found `n` at 1',
              input: 'not-a-uuid',
              ctx: { error: 'invalid character: found `n` at 1' },
            },
          ],
        },
      });
    });

    it('sends GET /movies/create/ to the detail route, as the reference does (422 after auth)', async () => {
      expect(answer(await send(t, 'GET', '/movies/create/'))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect((await send(t, 'GET', '/movies/create/', undefined, as.user)).json().detail[0]).toMatchObject({ type: 'uuid_parsing', input: 'create' });
    });
  });

  describe('PATCH /movies/{uuid}/', () => {
    it('applies only the fields sent; lists replace the links', async () => {
      const movie = await createMovie(t, as.moderator, { genres: ['Drama', 'Mystery'], stars: ['Kept Star'], directors: ['Old Director'] });

      const res = await patch(movie.uuid, { imdb: 7.5, price: '3.5', meta_score: null, genres: ['mystery', 'Noir'], directors: [], certification: 'TV-MA' });

      expect(res.statusCode).toBe(200);
      const updated = res.json<MovieResponse>();
      expect(updated).toEqual({
        ...movie,
        imdb: 7.5,
        price: '3.50',
        meta_score: null,
        certification: { name: 'TV-MA' },
        genres: [movie.genres.find((genre) => genre.name === 'Mystery'), { name: 'Noir', id: expect.any(Number) }],
        directors: [],
      });
      expect(answer(await fetch(movie.uuid))).toEqual({ status: 200, body: updated });
    });

    it('answers an empty body with the movie unchanged', async () => {
      const movie = await createMovie(t, as.moderator);

      expect(answer(await patch(movie.uuid, {}))).toEqual({ status: 200, body: movie });
    });

    it('lets a movie change the case of its own name', async () => {
      const movie = await createMovie(t, as.moderator, { name: 'metropolis', year: 1927, time: 153 });

      expect((await patch(movie.uuid, { name: 'Metropolis' })).json()).toMatchObject({ name: 'Metropolis' });
    });

    it("refuses another movie's name, year and time with 409", async () => {
      await createMovie(t, as.moderator, { name: 'Nosferatu', year: 1922, time: 94 });
      const remake = await createMovie(t, as.moderator, { name: 'Nosferatu', year: 2024, time: 132 });

      expect(answer(await patch(remake.uuid, { name: 'NOSFERATU', year: 1922, time: 94 }))).toEqual(
        detail(409, CATALOG_MESSAGES.movieExists('NOSFERATU', 1922, 94)),
      );
      expect((await patch(remake.uuid, { year: 1922 })).statusCode).toBe(200);
      expect(answer(await patch(remake.uuid, { time: 94 }))).toEqual(detail(409, CATALOG_MESSAGES.movieExists('Nosferatu', 1922, 94)));
    });

    it.each(BOUNDS)('checks %s = %j', async (field, value, error) => {
      // Another running time than the created movies', so that no accepted value is a conflict.
      const movie = await createMovie(t, as.moderator, { time: 149 });

      const res = await patch(movie.uuid, { [field]: value });

      if (error === null) expect(res.statusCode).toBe(200);
      else expect(answer(res)).toEqual({ status: 422, body: { detail: [{ loc: ['body', field], input: value, ...error }] } });
    });

    it('refuses null where the column cannot hold it, with the type error of the field', async () => {
      const movie = await createMovie(t, as.moderator);

      const res = await patch(movie.uuid, { name: null, year: null, price: null, genres: null, gross: null });

      expect(res.json()).toEqual({
        detail: [
          { type: 'string_type', loc: ['body', 'name'], msg: 'Input should be a valid string', input: null },
          { type: 'int_type', loc: ['body', 'year'], msg: 'Input should be a valid integer', input: null },
          { type: 'decimal_type', loc: ['body', 'price'], msg: 'Decimal input should be an integer, float, string or Decimal object', input: null },
          { type: 'list_type', loc: ['body', 'genres'], msg: 'Input should be a valid list', input: null },
        ],
      });
      expect((await patch(movie.uuid, { gross: null })).json()).toMatchObject({ gross: null });
    });

    it('checks auth, then the path, then the body; 404 for an unknown movie', async () => {
      const movie = await createMovie(t, as.moderator);

      expect(answer(await patch(movie.uuid, {}, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await patch(movie.uuid, {}, as.user))).toEqual(detail(403, 'Access denied. Moderator or admin required.'));
      expect((await patch('nope', { year: 1 })).json().detail.map((issue: { loc: unknown }) => issue.loc)).toEqual([
        ['path', 'movie_uuid'],
        ['body', 'year'],
      ]);
      expect(answer(await patch('00000000-0000-4000-8000-000000000000', { imdb: 5 }))).toEqual(detail(404, CATALOG_MESSAGES.movieNotFound));
    });
  });

  describe('DELETE /movies/{uuid}/', () => {
    it('deletes the movie and its links; the genres and people stay', async () => {
      const movie = await createMovie(t, as.moderator, { genres: ['Lonely Genre'], stars: ['Lonely Star'] });

      expect(answer(await remove(movie.uuid))).toEqual({ status: 200, body: { message: CATALOG_MESSAGES.movieDeleted } });
      expect(answer(await fetch(movie.uuid))).toEqual(detail(404, CATALOG_MESSAGES.movieNotFound));
      expect(await db.query(`SELECT name FROM genres WHERE name = 'Lonely Genre'`)).toEqual([{ name: 'Lonely Genre' }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM movies_genres WHERE genre_id = $1`, [movie.genres[0].id])).toEqual([{ n: 0 }]);
      expect(answer(await remove(movie.uuid))).toEqual(detail(404, CATALOG_MESSAGES.movieNotFound));
    });

    it('is for moderators and admins', async () => {
      const movie = await createMovie(t, as.moderator);

      expect(answer(await remove(movie.uuid, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await remove(movie.uuid, as.user))).toEqual(detail(403, 'Access denied. Moderator or admin required.'));
      expect((await remove(movie.uuid, as.admin)).statusCode).toBe(200);
    });

    describe('refusals', () => {
      let buyerId: number;

      beforeAll(async () => {
        buyerId = (await insertUser(t)).id;
        await db.query(`INSERT INTO carts (user_id) VALUES ($1)`, [buyerId]);
      });

      it("refuses a movie in someone's cart", async () => {
        const movie = await createMovie(t, as.moderator);
        await db.query(`INSERT INTO cart_items (cart_id, movie_id) SELECT id, $2 FROM carts WHERE user_id = $1`, [buyerId, await idOf(movie.uuid)]);

        expect(answer(await remove(movie.uuid))).toEqual(detail(400, CATALOG_MESSAGES.movieInCarts));
        expect((await fetch(movie.uuid)).statusCode).toBe(200);
      });

      it.each(['PENDING', 'PAID', 'CANCELLED'])('refuses a movie in a %s order', async (status) => {
        const movie = await createMovie(t, as.moderator);
        const [order] = await db.query(`INSERT INTO orders (user_id, status) VALUES ($1, $2) RETURNING id`, [buyerId, status]);
        await db.query(`INSERT INTO order_items (order_id, movie_id, price_at_order) VALUES ($1, $2, 9.99)`, [order.id, await idOf(movie.uuid)]);

        expect(answer(await remove(movie.uuid))).toEqual(detail(400, CATALOG_MESSAGES.moviePurchased));
        await db.query(`DELETE FROM orders WHERE id = $1`, [order.id]);
      });

      it('refuses a purchased movie', async () => {
        const movie = await createMovie(t, as.moderator);
        await db.query(`INSERT INTO purchases (user_id, movie_id) VALUES ($1, $2)`, [buyerId, await idOf(movie.uuid)]);

        expect(answer(await remove(movie.uuid))).toEqual(detail(400, CATALOG_MESSAGES.moviePurchased));
      });
    });
  });
});
