import { DataSource } from 'typeorm';
import { AccessTokenService } from '../../src/common/auth/access-token.service';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { JwtCodec } from '../../src/common/auth/jwt-codec';
import { TokenRevocationService } from '../../src/common/auth/token-revocation.service';
import type { MovieResponse } from '../../src/modules/catalog/catalog.responses';
import { ENGAGEMENT_MESSAGES } from '../../src/modules/engagement/engagement.messages';
import { answer, detail, type Response } from '../utils/accounts';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';
import { type CatalogCallers, catalogCallers, createMovie, type Headers } from '../utils/catalog';

const UNKNOWN_MOVIE = '00000000-0000-4000-8000-000000000000';

interface Page {
  prev_page: string | null;
  next_page: string | null;
  total_pages: number;
  total_items: number;
  movies: MovieResponse[];
}

/** The personal fields of a movie nobody engaged with, or of any movie for an anonymous caller. */
const UNTOUCHED = { my_reaction: null, my_rating: null, is_favorite: false, is_purchased: false };

function call(t: TestApp, method: 'GET' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown, headers: Headers): Promise<Response> {
  return t.app.inject({
    method,
    url,
    payload: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  }) as Promise<Response>;
}

describe('engagement: favorites, and the engagement fields of movie objects', () => {
  let t: TestApp;
  let db: DataSource;
  let as: CatalogCallers;
  let me: { id: number; headers: Headers };
  let other: Headers;

  const favorite = (uuid: string, headers: Headers = me.headers) => call(t, 'PUT', `/favorites/${uuid}/`, undefined, headers);
  const unfavorite = (uuid: string, headers: Headers = me.headers) => call(t, 'DELETE', `/favorites/${uuid}`, undefined, headers);
  const favorites = async (query = '', headers: Headers = me.headers) => answer(await call(t, 'GET', `/favorites/${query}`, undefined, headers)) as { status: number; body: Page };
  const react = (uuid: string, reaction: string, headers: Headers = me.headers) => call(t, 'PUT', `/movies/${uuid}/reaction/`, { reaction }, headers);
  const rate = (uuid: string, score: number, headers: Headers = me.headers) => call(t, 'PUT', `/movies/${uuid}/rating/`, { score }, headers);
  const movies = async (query: string, headers: Headers = {}) => answer(await call(t, 'GET', `/movies/${query}`, undefined, headers)) as { status: number; body: Page };
  const detailOf = async (uuid: string, headers: Headers = me.headers) => (await call(t, 'GET', `/movies/${uuid}/`, undefined, headers)).json<MovieResponse>();
  const idOf = async (uuid: string): Promise<number> => (await db.query(`SELECT id FROM movies WHERE uuid = $1`, [uuid]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    as = await catalogCallers(t);
    const user = await insertUser(t);
    me = { id: user.id, headers: bearer(accessTokenFor(t, user.id)) };
    other = bearer(accessTokenFor(t, (await insertUser(t)).id));
  });
  afterAll(() => t.close());

  describe('PUT / DELETE /favorites/{movie_uuid}/', () => {
    it('adds idempotently, removes once, then says the movie is not there', async () => {
      const movie = await createMovie(t, as.moderator);

      expect(answer(await favorite(movie.uuid))).toEqual({ status: 200, body: { detail: 'Movie added to favorites.' } });
      expect(answer(await favorite(movie.uuid))).toEqual({ status: 200, body: { detail: ENGAGEMENT_MESSAGES.favoriteAdded } });
      expect(await db.query(`SELECT count(*)::int AS n FROM favorites WHERE user_id = $1 AND movie_id = $2`, [me.id, await idOf(movie.uuid)])).toEqual([{ n: 1 }]);
      expect((await detailOf(movie.uuid)).is_favorite).toBe(true);
      expect((await detailOf(movie.uuid, other)).is_favorite).toBe(false);

      expect(answer(await unfavorite(movie.uuid))).toEqual({ status: 200, body: { detail: 'Movie removed from favorites.' } });
      expect(answer(await unfavorite(movie.uuid))).toEqual(detail(404, 'Movie is not in your favorites.'));
      expect((await detailOf(movie.uuid)).is_favorite).toBe(false);
    });

    it('keeps one row under 10 concurrent PUTs; of 10 concurrent DELETEs exactly one removes it', async () => {
      const movie = await createMovie(t, as.moderator);
      const added = await Promise.all(Array.from({ length: 10 }, () => favorite(movie.uuid)));
      expect(added.map((res) => res.statusCode)).toEqual(Array(10).fill(200));
      expect(await db.query(`SELECT count(*)::int AS n FROM favorites WHERE user_id = $1 AND movie_id = $2`, [me.id, await idOf(movie.uuid)])).toEqual([{ n: 1 }]);

      const removed = await Promise.all(Array.from({ length: 10 }, () => unfavorite(movie.uuid)));
      expect(removed.map((res) => res.statusCode).sort()).toEqual([200, ...Array(9).fill(404)]);
    });

    it('answers 404 for an unknown movie, 422 for a malformed UUID and 401 without a token', async () => {
      expect(answer(await favorite(UNKNOWN_MOVIE))).toEqual(detail(404, ENGAGEMENT_MESSAGES.movieNotFound));
      expect(answer(await unfavorite(UNKNOWN_MOVIE))).toEqual(detail(404, ENGAGEMENT_MESSAGES.movieNotFound));
      const bad = await favorite('nope');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().detail.map((issue: { type: string; loc: unknown }) => [issue.type, issue.loc])).toEqual([['uuid_parsing', ['path', 'movie_uuid']]]);
      const movie = await createMovie(t, as.moderator);
      expect(answer(await favorite(movie.uuid, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await unfavorite(movie.uuid, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await call(t, 'GET', '/favorites/', undefined, {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    });
  });

  describe('GET /favorites/', () => {
    let picks: MovieResponse[];

    beforeAll(async () => {
      const user = await insertUser(t);
      me = { id: user.id, headers: bearer(accessTokenFor(t, user.id)) };
      picks = [
        await createMovie(t, as.moderator, { name: 'Fav Alpha', year: 1990, genres: ['Fav Drama'], stars: ['Fav Star'], directors: [] }),
        await createMovie(t, as.moderator, { name: 'Fav Beta', year: 2005, genres: ['Fav Comedy'], stars: [], directors: ['Fav Director'] }),
        await createMovie(t, as.moderator, { name: 'Fav Gamma', year: 2015, genres: ['Fav Drama'], stars: [], directors: [] }),
      ];
      // A movie of the same kind that is not a favorite, and one that is someone else's.
      await createMovie(t, as.moderator, { name: 'Fav Delta', year: 2010, genres: ['Fav Drama'], stars: ['Fav Star'], directors: [] });
      const theirs = await createMovie(t, as.moderator, { name: 'Fav Epsilon', year: 2011, genres: ['Fav Drama'], stars: [], directors: [] });
      for (const movie of picks) await favorite(movie.uuid);
      await favorite(theirs.uuid, other);
    });

    it("lists only the caller's favorites, in the movie list's envelope, order and shape", async () => {
      const res = await favorites();
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['prev_page', 'next_page', 'total_pages', 'total_items', 'movies']);
      expect(res.body).toMatchObject({ prev_page: null, next_page: null, total_pages: 1, total_items: 3 });
      // The list's default order: name DESC.
      expect(res.body.movies.map((movie) => movie.name)).toEqual(['Fav Gamma', 'Fav Beta', 'Fav Alpha']);
      expect(res.body.movies[0]).toEqual({ ...picks[2], ...UNTOUCHED, is_favorite: true });
    });

    it('applies the filters, search and sort of GET /movies/, and carries them in links', async () => {
      expect((await favorites('?genre=fav%20drama&sort=year')).body.movies.map((movie) => movie.name)).toEqual(['Fav Alpha', 'Fav Gamma']);
      expect((await favorites('?search=fav%20star')).body.movies.map((movie) => movie.name)).toEqual(['Fav Alpha']);
      expect((await favorites('?search=fav%20director')).body).toMatchObject({ total_items: 1, movies: [{ name: 'Fav Beta' }] });
      expect((await favorites('?year_from=2000&sort=-year')).body.movies.map((movie) => movie.name)).toEqual(['Fav Gamma', 'Fav Beta']);
      const page = (await favorites('?sort=year&per_page=1&page=2&year_from=1900')).body;
      expect(page).toMatchObject({ total_items: 3, total_pages: 3, movies: [{ name: 'Fav Beta' }] });
      expect(page.prev_page).toBe('http://localhost:80/favorites/?year_from=1900&sort=year&page=1&per_page=1');
      expect(page.next_page).toBe('http://localhost:80/favorites/?year_from=1900&sort=year&page=3&per_page=1');
    });

    it('validates the query like GET /movies/ and is empty for a user without favorites', async () => {
      expect((await favorites('?per_page=21')).status).toBe(422);
      expect((await favorites('', other)).body).toMatchObject({ total_items: 1, movies: [{ name: 'Fav Epsilon' }] });
      const lonely = bearer(accessTokenFor(t, (await insertUser(t)).id));
      expect((await favorites('', lonely)).body).toEqual({ prev_page: null, next_page: null, total_pages: 0, total_items: 0, movies: [] });
    });

    it('is never served from the page cache: a change shows at once', async () => {
      expect((await favorites()).body.total_items).toBe(3);
      await unfavorite(picks[0].uuid);
      expect((await favorites()).body.movies.map((movie) => movie.name)).toEqual(['Fav Gamma', 'Fav Beta']);
      await favorite(picks[0].uuid);
      expect((await favorites()).body.total_items).toBe(3);
    });
  });

  describe('movie objects', () => {
    let movie: MovieResponse;
    let mine: Headers;
    let buyerId: number;

    beforeAll(async () => {
      movie = await createMovie(t, as.moderator, { name: 'Fields Movie', genres: ['Fields Genre'], stars: [], directors: [] });
      const user = await insertUser(t);
      buyerId = user.id;
      mine = bearer(accessTokenFor(t, user.id));
      await react(movie.uuid, 'like', mine);
      await rate(movie.uuid, 9, mine);
      await favorite(movie.uuid, mine);
      await react(movie.uuid, 'dislike', other);
      await rate(movie.uuid, 6, other);
    });

    const inList = async (headers: Headers) => (await movies('?search=Fields%20Movie', headers)).body.movies[0];

    it('carry the counts for everyone and the personal fields for the caller, after the reference keys', async () => {
      const shared = { likes: 1, dislikes: 1, rating: { average: 7.5, count: 2 } };
      const mineFields = { my_reaction: 'like', my_rating: 9, is_favorite: true, is_purchased: false };
      expect(await detailOf(movie.uuid, mine)).toEqual({ ...movie, ...shared, ...mineFields });
      expect(await detailOf(movie.uuid, other)).toEqual({ ...movie, ...shared, ...UNTOUCHED, my_reaction: 'dislike', my_rating: 6 });
      expect(await detailOf(movie.uuid, as.user)).toEqual({ ...movie, ...shared, ...UNTOUCHED });

      // The public list: anonymous without a token, personal with one.
      expect(await inList({})).toEqual({ ...movie, ...shared, ...UNTOUCHED });
      expect(await inList(mine)).toEqual({ ...movie, ...shared, ...mineFields });
      // A genre's movies (authenticated) and the favorites list carry them too.
      const genreId = movie.genres[0].id;
      expect((await call(t, 'GET', `/movies/genres/${genreId}/`, undefined, mine)).json().movies).toEqual([{ ...movie, ...shared, ...mineFields }]);
      expect((await favorites('?search=Fields%20Movie', mine)).body.movies).toEqual([{ ...movie, ...shared, ...mineFields }]);
    });

    it('say is_purchased once the caller owns the movie', async () => {
      await db.query(`INSERT INTO purchases (user_id, movie_id) VALUES ($1, $2)`, [buyerId, await idOf(movie.uuid)]);
      expect((await detailOf(movie.uuid, mine)).is_purchased).toBe(true);
      expect((await inList(mine)).is_purchased).toBe(true);
      expect((await detailOf(movie.uuid, other)).is_purchased).toBe(false);
      expect((await inList({})).is_purchased).toBe(false);
    });

    it('are the moderator\'s own on create and PATCH answers', async () => {
      await react(movie.uuid, 'like', as.moderator);
      const patched = (await call(t, 'PATCH', `/movies/${movie.uuid}/`, { votes: 5 }, as.moderator)).json<MovieResponse>();
      expect(patched).toMatchObject({ votes: 5, likes: 2, dislikes: 1, my_reaction: 'like', my_rating: null, is_favorite: false });
      await call(t, 'DELETE', `/movies/${movie.uuid}/reaction/`, undefined, as.moderator);
    });

    it('stay current on cached list pages: the cache holds ids, the rows are read fresh', async () => {
      const first = await inList({});
      await react(movie.uuid, 'like', as.admin);
      expect(await inList({})).toEqual({ ...first, likes: first.likes + 1 });
      await call(t, 'DELETE', `/movies/${movie.uuid}/reaction/`, undefined, as.admin);
      expect(await inList({})).toEqual(first);
    });

    it('treat a missing, invalid, expired or revoked token on GET /movies/ as anonymous, never 401', async () => {
      const expired = new JwtCodec('access', t.config.jwt.accessSecret, 60).sign(buyerId, -5).token;
      const issued = t.app.get(AccessTokenService).sign(buyerId);
      const inactive = bearer(accessTokenFor(t, (await insertUser(t, { isActive: false })).id));
      const anonymous = await inList({});
      for (const headers of [{ authorization: 'Bearer nonsense' }, { authorization: 'Basic abc' }, { authorization: '' }, bearer(expired), inactive]) {
        const res = await movies('?search=Fields%20Movie', headers);
        expect(res.status).toBe(200);
        expect(res.body.movies[0]).toEqual(anonymous);
      }
      expect((await inList(bearer(issued.token))).my_reaction).toBe('like');
      await t.app.get(TokenRevocationService).revoke(issued.token, issued.claims.expiresAt);
      const res = await movies('?search=Fields%20Movie', bearer(issued.token));
      expect(res.status).toBe(200);
      expect(res.body.movies[0]).toEqual(anonymous);
      // The same token is still refused where authentication is required.
      expect(answer(await call(t, 'GET', `/movies/${movie.uuid}/`, undefined, bearer(issued.token)))).toEqual(detail(401, AUTH_MESSAGES.tokenRevoked));
    });
  });

  describe('sort=rating', () => {
    it('orders by the users\' average score, unrated movies last in both directions, id breaking ties', async () => {
      const make = (name: string) => createMovie(t, as.moderator, { name, genres: ['Rated Genre'], stars: [], directors: [], imdb: 5 });
      const [low, high, tieA, tieB, unrated] = [await make('Rated Low'), await make('Rated High'), await make('Rated Tie A'), await make('Rated Tie B'), await make('Rated None')];
      await rate(low.uuid, 2);
      await rate(high.uuid, 9);
      await rate(high.uuid, 10, other);
      await rate(tieA.uuid, 6);
      await rate(tieB.uuid, 6);
      const order = async (sort: string) => (await movies(`?genre=Rated%20Genre&sort=${sort}`)).body.movies.map((movie) => movie.name);

      expect(await order('-rating')).toEqual(['Rated High', 'Rated Tie B', 'Rated Tie A', 'Rated Low', 'Rated None']);
      expect(await order('rating')).toEqual(['Rated Low', 'Rated Tie A', 'Rated Tie B', 'Rated High', 'Rated None']);
      // Never cached: a new score moves the movie at once.
      await rate(low.uuid, 10, other);
      await rate(low.uuid, 10);
      expect(await order('-rating')).toEqual(['Rated Low', 'Rated High', 'Rated Tie B', 'Rated Tie A', 'Rated None']);
      expect((await detailOf(unrated.uuid)).rating).toEqual({ average: null, count: 0 });
      expect((await favorites('?sort=-rating')).status).toBe(200);
    });
  });
});
