import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import type { MovieResponse } from '../../src/modules/catalog/catalog.responses';
import type { Response } from './accounts';
import type { TestApp } from './app';
import { accessTokenFor, bearer, insertUser } from './auth';

export type Headers = Record<string, string>;

/** An `Authorization` header for a new user of each group. */
export interface CatalogCallers {
  user: Headers;
  moderator: Headers;
  admin: Headers;
}

export async function catalogCallers(t: TestApp): Promise<CatalogCallers> {
  const headers = async (group: UserGroupName) => bearer(accessTokenFor(t, (await insertUser(t, { group })).id));
  return {
    user: await headers(UserGroupName.User),
    moderator: await headers(UserGroupName.Moderator),
    admin: await headers(UserGroupName.Admin),
  };
}

export function send(t: TestApp, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Headers = {}): Promise<Response> {
  return t.app.inject({ method, url, payload: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }) as Promise<Response>;
}

let titles = 0;

/** A valid `POST /movies/create/` body with a title of its own; `overrides` replace fields. */
export function movieBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  titles += 1;
  return {
    name: `Test Movie ${titles}`,
    year: 2010,
    time: 148,
    imdb: 8.8,
    votes: 2_400_000,
    meta_score: 74,
    gross: 292_576_195,
    description: 'A thief who steals secrets through dreams is offered one last job.',
    price: '9.99',
    certification: 'PG-13',
    genres: ['Action', 'Sci-Fi'],
    directors: ['Christopher Nolan'],
    stars: ['Leonardo DiCaprio', 'Elliot Page'],
    ...overrides,
  };
}

/** Creates a movie through the API (as `headers`, a moderator's) and returns it; fails loudly otherwise. */
export async function createMovie(t: TestApp, headers: Headers, overrides: Record<string, unknown> = {}): Promise<MovieResponse> {
  const res = await send(t, 'POST', '/movies/create/', movieBody(overrides), headers);
  if (res.statusCode !== 201) throw new Error(`movie create failed: ${res.statusCode} ${res.body}`);
  return res.json<MovieResponse>();
}
