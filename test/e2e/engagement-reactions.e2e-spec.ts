import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import type { MovieResponse } from '../../src/modules/catalog/catalog.responses';
import { ENGAGEMENT_MESSAGES } from '../../src/modules/engagement/engagement.messages';
import { answer, detail, type Response } from '../utils/accounts';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';
import { type CatalogCallers, catalogCallers, createMovie, type Headers } from '../utils/catalog';

const UNKNOWN_MOVIE = '00000000-0000-4000-8000-000000000000';

/** PUT / DELETE / GET with a JSON body (the catalog's `send` has no PUT). */
function call(t: TestApp, method: 'GET' | 'PUT' | 'DELETE', url: string, body: unknown, headers: Headers): Promise<Response> {
  return t.app.inject({
    method,
    url,
    payload: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  }) as Promise<Response>;
}

/** A new active user's bearer header. */
async function newUser(t: TestApp): Promise<Headers> {
  return bearer(accessTokenFor(t, (await insertUser(t)).id));
}

describe('engagement: reactions and ratings', () => {
  let t: TestApp;
  let db: DataSource;
  let as: CatalogCallers;

  const react = (uuid: string, body: unknown, headers: Headers = as.user) => call(t, 'PUT', `/movies/${uuid}/reaction/`, body, headers);
  const unreact = (uuid: string, headers: Headers = as.user) => call(t, 'DELETE', `/movies/${uuid}/reaction`, undefined, headers);
  const rate = (uuid: string, body: unknown, headers: Headers = as.user) => call(t, 'PUT', `/movies/${uuid}/rating/`, body, headers);
  const unrate = (uuid: string, headers: Headers = as.user) => call(t, 'DELETE', `/movies/${uuid}/rating`, undefined, headers);
  const movieOf = async (uuid: string, headers: Headers = as.user) => (await call(t, 'GET', `/movies/${uuid}/`, undefined, headers)).json<MovieResponse>();

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    as = await catalogCallers(t);
  });
  afterAll(() => t.close());

  describe('PUT / DELETE /movies/{movie_uuid}/reaction/', () => {
    it('sets, repeats, switches and removes a reaction, answering the counts each time', async () => {
      const movie = await createMovie(t, as.moderator);
      const other = await newUser(t);

      expect(answer(await react(movie.uuid, { reaction: 'like' }))).toEqual({ status: 200, body: { reaction: 'like', likes: 1, dislikes: 0 } });
      expect(Object.keys((await react(movie.uuid, { reaction: 'like' })).json())).toEqual(['reaction', 'likes', 'dislikes']);
      expect(answer(await react(movie.uuid, { reaction: 'like' }))).toEqual({ status: 200, body: { reaction: 'like', likes: 1, dislikes: 0 } });
      expect(answer(await react(movie.uuid, { reaction: 'like' }, other))).toEqual({ status: 200, body: { reaction: 'like', likes: 2, dislikes: 0 } });
      // Switching moves the caller's one reaction from one count to the other.
      expect(answer(await react(movie.uuid, { reaction: 'dislike' }))).toEqual({ status: 200, body: { reaction: 'dislike', likes: 1, dislikes: 1 } });
      expect(await db.query(`SELECT reaction::text FROM movie_reactions r JOIN movies m ON m.id = r.movie_id WHERE m.uuid = $1 ORDER BY r.reaction`, [movie.uuid])).toEqual([
        { reaction: 'like' },
        { reaction: 'dislike' },
      ]);

      expect(answer(await unreact(movie.uuid))).toEqual({ status: 200, body: { reaction: null, likes: 1, dislikes: 0 } });
      // Idempotent: nothing left to remove is no error.
      expect(answer(await unreact(movie.uuid))).toEqual({ status: 200, body: { reaction: null, likes: 1, dislikes: 0 } });
      expect(answer(await unreact(movie.uuid, other))).toEqual({ status: 200, body: { reaction: null, likes: 0, dislikes: 0 } });
    });

    it('accepts the UUID in any of its forms', async () => {
      const movie = await createMovie(t, as.moderator);
      expect(answer(await react(movie.uuid.toUpperCase(), { reaction: 'dislike' }))).toEqual({ status: 200, body: { reaction: 'dislike', likes: 0, dislikes: 1 } });
    });

    it('keeps one row and right counts under 10 concurrent identical PUTs, and under mixed ones', async () => {
      const movie = await createMovie(t, as.moderator);
      const responses = await Promise.all(Array.from({ length: 10 }, () => react(movie.uuid, { reaction: 'like' })));
      expect(responses.map((res) => res.statusCode)).toEqual(Array(10).fill(200));
      for (const res of responses) expect(res.json()).toEqual({ reaction: 'like', likes: 1, dislikes: 0 });
      expect(await db.query(`SELECT count(*)::int AS n FROM movie_reactions r JOIN movies m ON m.id = r.movie_id WHERE m.uuid = $1`, [movie.uuid])).toEqual([{ n: 1 }]);

      const mixed = await Promise.all(Array.from({ length: 10 }, (_, index) => react(movie.uuid, { reaction: index % 2 ? 'like' : 'dislike' })));
      expect(mixed.map((res) => res.statusCode)).toEqual(Array(10).fill(200));
      const [stored] = await db.query(`SELECT r.reaction::text AS reaction FROM movie_reactions r JOIN movies m ON m.id = r.movie_id WHERE m.uuid = $1`, [movie.uuid]);
      const { likes, dislikes } = await movieOf(movie.uuid);
      expect(likes + dislikes).toBe(1);
      expect(stored.reaction === 'like' ? likes : dislikes).toBe(1);
    });

    it('answers 404 for an unknown movie on both methods', async () => {
      expect(answer(await react(UNKNOWN_MOVIE, { reaction: 'like' }))).toEqual(detail(404, ENGAGEMENT_MESSAGES.movieNotFound));
      expect(answer(await unreact(UNKNOWN_MOVIE))).toEqual(detail(404, ENGAGEMENT_MESSAGES.movieNotFound));
      expect(ENGAGEMENT_MESSAGES.movieNotFound).toBe('Movie with the given ID was not found.');
    });

    it('validates the body and the path: 422 with the FastAPI list', async () => {
      const movie = await createMovie(t, as.moderator);
      const expected = "'like' or 'dislike'";
      expect(answer(await react(movie.uuid, {}))).toEqual({
        status: 422,
        body: { detail: [{ type: 'missing', loc: ['body', 'reaction'], msg: 'Field required', input: {} }] },
      });
      for (const bad of ['love', 'LIKE', null, 1]) {
        expect(answer(await react(movie.uuid, { reaction: bad }))).toEqual({
          status: 422,
          body: { detail: [{ type: 'enum', loc: ['body', 'reaction'], msg: `Input should be ${expected}`, input: bad, ctx: { expected } }] },
        });
      }
      const badPath = await react('not-a-uuid', { reaction: 'like' });
      expect(badPath.statusCode).toBe(422);
      expect(badPath.json().detail.map((issue: { type: string; loc: unknown }) => [issue.type, issue.loc])).toEqual([['uuid_parsing', ['path', 'movie_uuid']]]);
      // Unknown fields are ignored, as everywhere (CONTRACT.md A).
      expect(answer(await react(movie.uuid, { reaction: 'like', score: 3 }))).toEqual({ status: 200, body: { reaction: 'like', likes: 1, dislikes: 0 } });
      expect(await db.query(`SELECT count(*)::int AS n FROM movie_ratings r JOIN movies m ON m.id = r.movie_id WHERE m.uuid = $1`, [movie.uuid])).toEqual([{ n: 0 }]);
    });

    it('needs an authenticated, active user', async () => {
      const movie = await createMovie(t, as.moderator);
      const inactive = bearer(accessTokenFor(t, (await insertUser(t, { isActive: false })).id));
      expect(answer(await react(movie.uuid, { reaction: 'like' }, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await unreact(movie.uuid, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await react(movie.uuid, { reaction: 'like' }, inactive))).toEqual(detail(403, AUTH_MESSAGES.userInactive));
      expect(answer(await react(movie.uuid, { reaction: 'like' }, { authorization: 'Bearer nonsense' }))).toEqual(detail(401, AUTH_MESSAGES.tokenInvalid));
    });
  });

  describe('PUT / DELETE /movies/{movie_uuid}/rating/', () => {
    it('sets, changes and removes a score; the average is rounded to 2 decimals and null without ratings', async () => {
      const movie = await createMovie(t, as.moderator);
      const [second, third] = [await newUser(t), await newUser(t)];

      expect(answer(await rate(movie.uuid, { score: 8 }))).toEqual({ status: 200, body: { score: 8, rating: { average: 8, count: 1 } } });
      expect(Object.keys((await rate(movie.uuid, { score: 8 })).json())).toEqual(['score', 'rating']);
      expect(answer(await rate(movie.uuid, { score: 7 }, second))).toEqual({ status: 200, body: { score: 7, rating: { average: 7.5, count: 2 } } });
      // (8 + 7 + 7) / 3 = 7.333...
      expect(answer(await rate(movie.uuid, { score: 7 }, third))).toEqual({ status: 200, body: { score: 7, rating: { average: 7.33, count: 3 } } });
      // (9 + 7 + 7) / 3 = 7.666...: rounded, not truncated; changing a score keeps the count.
      expect(answer(await rate(movie.uuid, { score: 9 }))).toEqual({ status: 200, body: { score: 9, rating: { average: 7.67, count: 3 } } });

      expect(answer(await unrate(movie.uuid))).toEqual({ status: 200, body: { score: null, rating: { average: 7, count: 2 } } });
      expect(answer(await unrate(movie.uuid))).toEqual({ status: 200, body: { score: null, rating: { average: 7, count: 2 } } });
      await unrate(movie.uuid, second);
      expect(answer(await unrate(movie.uuid, third))).toEqual({ status: 200, body: { score: null, rating: { average: null, count: 0 } } });
    });

    it('accepts the bounds and integer-valued input as pydantic does', async () => {
      const movie = await createMovie(t, as.moderator);
      expect((await rate(movie.uuid, { score: 1 })).json()).toEqual({ score: 1, rating: { average: 1, count: 1 } });
      expect((await rate(movie.uuid, { score: 10 })).json()).toEqual({ score: 10, rating: { average: 10, count: 1 } });
      expect((await rate(movie.uuid, { score: '6' })).json()).toEqual({ score: 6, rating: { average: 6, count: 1 } });
      expect((await rate(movie.uuid, { score: 5.0 })).json()).toEqual({ score: 5, rating: { average: 5, count: 1 } });
    });

    it('refuses a missing, out-of-range or non-integer score with 422', async () => {
      const movie = await createMovie(t, as.moderator);
      const issue = (input: unknown, rest: Record<string, unknown>) => ({ status: 422, body: { detail: [{ loc: ['body', 'score'], input, ...rest }] } });

      expect(answer(await rate(movie.uuid, { reaction: 'like' }))).toEqual({
        status: 422,
        body: { detail: [{ type: 'missing', loc: ['body', 'score'], msg: 'Field required', input: { reaction: 'like' } }] },
      });
      expect(answer(await rate(movie.uuid, { score: 0 }))).toEqual(
        issue(0, { type: 'greater_than_equal', msg: 'Input should be greater than or equal to 1', ctx: { ge: 1 } }),
      );
      expect(answer(await rate(movie.uuid, { score: 11 }))).toEqual(
        issue(11, { type: 'less_than_equal', msg: 'Input should be less than or equal to 10', ctx: { le: 10 } }),
      );
      expect(answer(await rate(movie.uuid, { score: 7.5 }))).toEqual(
        issue(7.5, { type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' }),
      );
      expect(answer(await rate(movie.uuid, { score: 'ten' }))).toEqual(
        issue('ten', { type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' }),
      );
      expect(answer(await rate(movie.uuid, { score: null }))).toEqual(issue(null, { type: 'int_type', msg: 'Input should be a valid integer' }));
      expect(await db.query(`SELECT count(*)::int AS n FROM movie_ratings r JOIN movies m ON m.id = r.movie_id WHERE m.uuid = $1`, [movie.uuid])).toEqual([{ n: 0 }]);
    });

    it('keeps one row under 10 concurrent PUTs of the same user', async () => {
      const movie = await createMovie(t, as.moderator);
      const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => rate(movie.uuid, { score: index + 1 })));
      expect(responses.map((res) => res.statusCode)).toEqual(Array(10).fill(200));
      const rows: Array<{ score: number }> = await db.query(
        `SELECT r.score FROM movie_ratings r JOIN movies m ON m.id = r.movie_id WHERE m.uuid = $1`,
        [movie.uuid],
      );
      expect(rows).toHaveLength(1);
      expect((await movieOf(movie.uuid)).rating).toEqual({ average: rows[0].score, count: 1 });
    });

    it('answers 404 for an unknown movie and 401 without a token', async () => {
      expect(answer(await rate(UNKNOWN_MOVIE, { score: 5 }))).toEqual(detail(404, ENGAGEMENT_MESSAGES.movieNotFound));
      expect(answer(await unrate(UNKNOWN_MOVIE))).toEqual(detail(404, ENGAGEMENT_MESSAGES.movieNotFound));
      const movie = await createMovie(t, as.moderator);
      expect(answer(await rate(movie.uuid, { score: 5 }, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await unrate(movie.uuid, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    });
  });

  it('a deleted movie takes its reactions and ratings with it', async () => {
    const movie = await createMovie(t, as.moderator);
    await react(movie.uuid, { reaction: 'like' });
    await rate(movie.uuid, { score: 4 });
    expect((await call(t, 'DELETE', `/movies/${movie.uuid}/`, undefined, as.moderator)).statusCode).toBe(200);
    expect(answer(await react(movie.uuid, { reaction: 'like' }))).toEqual(detail(404, ENGAGEMENT_MESSAGES.movieNotFound));
    const [{ n }] = await db.query(
      `SELECT (SELECT count(*) FROM movie_reactions WHERE movie_id NOT IN (SELECT id FROM movies)) + (SELECT count(*) FROM movie_ratings WHERE movie_id NOT IN (SELECT id FROM movies)) AS n`,
    );
    expect(Number(n)).toBe(0);
  });
});

describe('engagement: OpenAPI', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('documents the reaction, rating and favorite routes with their bodies and the bearer scheme', async () => {
    const admin = await insertUser(t, { group: UserGroupName.Admin });
    const document = (await call(t, 'GET', '/openapi.json', undefined, bearer(accessTokenFor(t, admin.id)))).json();
    const secured = { security: [{ bearer: [] }], tags: ['engagement'] };
    const body = (dto: string) => ({ requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${dto}` } } } } });
    expect(document.paths['/movies/{movie_uuid}/reaction']).toMatchObject({ put: { ...secured, ...body('ReactionDto') }, delete: secured });
    expect(document.paths['/movies/{movie_uuid}/rating']).toMatchObject({ put: { ...secured, ...body('RatingDto') }, delete: secured });
    expect(document.paths['/favorites']).toMatchObject({ get: secured });
    expect(document.paths['/favorites/{movie_uuid}']).toMatchObject({ put: secured, delete: secured });
    expect(document.components.schemas.ReactionDto).toMatchObject({ properties: { reaction: { enum: ['like', 'dislike'] } }, required: ['reaction'] });
    expect(document.components.schemas.RatingDto).toMatchObject({ properties: { score: { type: 'integer', minimum: 1, maximum: 10 } }, required: ['score'] });
    // The public movie list takes a token optionally.
    expect(document.paths['/movies'].get.security).toEqual([{ bearer: [] }, {}]);
    // The favorites list takes the movie list's query.
    const names = (operation: { parameters: Array<{ name: string }> }) => operation.parameters.map((parameter) => parameter.name).sort();
    expect(names(document.paths['/favorites'].get)).toEqual(names(document.paths['/movies'].get));
  });
});
