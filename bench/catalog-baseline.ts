/**
 * The baseline of `npm run bench:catalog`: a bare `node:http` + `pg` server that answers
 * `GET /movies/` and `GET /movies/{uuid}/` with the same SQL as the API (`movie-queries.ts`), the
 * same row mapping and the same envelope, and nothing else: no framework, no validation, no
 * logging. The detail route needs a signed-in user in the API, so here too the bearer token's
 * HS256 signature and expiry are checked and the caller's row is read with the auth layer's
 * query before the movie's; the API's Redis revocation checks have no counterpart. The list is
 * public with optional auth in the API: here too a valid token of an active user personalizes the
 * movies' `my_*` / `is_*` fields (the viewer id is a parameter of the same statements) and any
 * other header is ignored. What the API costs on top of this is the framework and its checks.
 *
 * Started by bench/catalog.ts as a process of its own: `BASELINE_PORT`, `DATABASE_URL`,
 * `DATABASE_POOL_SIZE`. Prints `listening` once ready.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { pageMeta } from '../src/common/http/pagination';
import { toMovieResponse } from '../src/modules/catalog/catalog.responses';
import { movieByUuidQuery, movieCountQuery, type MovieFilters, moviePageQuery, type MovieRow, pageCountsMatches } from '../src/modules/catalog/movie-queries';
import { parseSort } from '../src/modules/catalog/movie-sort';
import { loadConfig } from '../src/core/config/app-config';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const UUID = /^\/movies\/([0-9a-f-]{36})\/?$/;
const ACCESS_SECRET = loadConfig(process.env).jwt.accessSecret;

/** `AuthUsersRepository.findById`'s statement, as TypeORM writes it. */
const USER_BY_ID = `SELECT "user"."id" AS "id", "user"."email" AS "email", "user"."is_active" AS "isActive", "user"."group_id" AS "groupId",
  "group"."name" AS "group" FROM "users" "user" INNER JOIN "user_groups" "group" ON "group"."id"="user"."group_id" WHERE "user"."id" = $1`;

/** The user id of a valid, unexpired HS256 access token in `Authorization: Bearer`, or null. */
function bearerUserId(headers: IncomingHttpHeaders): number | null {
  const [header, payload, signature] = (headers.authorization ?? '').replace(/^Bearer /, '').split('.');
  if (!signature) return null;
  const expected = Buffer.from(createHmac('sha256', ACCESS_SECRET).update(`${header}.${payload}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { user_id: number; type: string; exp: number };
  return claims.type === 'access' && claims.exp > Date.now() / 1000 ? claims.user_id : null;
}

/** The id of the active user of a valid token in the headers, or null. */
async function activeUserId(headers: IncomingHttpHeaders): Promise<number | null> {
  let userId: number | null;
  try {
    userId = bearerUserId(headers);
  } catch {
    return null; // a payload that is not JSON: not a token
  }
  const user = userId === null ? null : (await pool.query<{ isActive: boolean }>(USER_BY_ID, [userId])).rows[0];
  return user?.isActive ? userId : null;
}

async function detail(uuid: string, headers: IncomingHttpHeaders): Promise<[number, unknown]> {
  const userId = await activeUserId(headers);
  if (userId === null) return [401, { detail: 'Invalid token' }];
  const movie = (await pool.query<MovieRow>(movieByUuidQuery(uuid, userId))).rows[0];
  return movie ? [200, toMovieResponse(movie)] : [404, { detail: 'Not Found' }];
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const optionalNumber = (text: string | null) => (text === null ? undefined : Number(text));

async function list(url: URL, headers: IncomingHttpHeaders): Promise<unknown> {
  const viewer = headers.authorization === undefined ? null : await activeUserId(headers);
  const query = url.searchParams;
  const pageNumber = Number(query.get('page') ?? 1);
  const perPage = Number(query.get('per_page') ?? 10);
  const filters: MovieFilters = {
    search: query.get('search') ?? undefined,
    genre: query.get('genre') ?? undefined,
    yearFrom: optionalNumber(query.get('year_from')),
    imdbMin: optionalNumber(query.get('imdb_min')),
  };
  const sort = query.get('sort') ?? undefined;
  const window = { offset: (pageNumber - 1) * perPage, limit: perPage };
  // The repository's plan (MoviesRepository.findPage): a search counts in its page query.
  const count = async () => (await pool.query<{ total: number }>(movieCountQuery(filters))).rows[0].total;
  const page = pool.query<MovieRow>(moviePageQuery(filters, parseSort(sort), window, viewer)).then((result) => result.rows);
  const [rows, total] = pageCountsMatches(filters)
    ? await page.then(async (found) => [found, found[0]?.total ?? (window.offset === 0 ? 0 : await count())] as const)
    : await Promise.all([page, count()]);
  const links = [
    ['genre', filters.genre],
    ['search', filters.search],
    ['year_from', query.get('year_from') ?? undefined],
    ['imdb_min', query.get('imdb_min') ?? undefined],
    ['sort', sort],
  ] as const;
  const base = `http://${url.host}${url.pathname}`;
  return { ...pageMeta(base, { page: pageNumber, per_page: perPage }, total, links), movies: rows.map(toMovieResponse) };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const uuid = UUID.exec(url.pathname)?.[1];
  const work = uuid
    ? detail(uuid, req.headers)
    : url.pathname === '/movies/' || url.pathname === '/movies'
      ? list(url, req.headers).then((body) => [200, body])
      : Promise.resolve([404, { detail: 'Not Found' }]);
  work.then(
    ([status, body]) => send(res, status as number, body),
    (error: unknown) => {
      console.error(error);
      send(res, 500, { detail: 'Internal Server Error' });
    },
  );
});

server.listen(Number(process.env.BASELINE_PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => void pool.end()));
