import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app';
import { bearer } from './auth';
import { type FormEntry, type FilePart, multipartBody } from './multipart';

/** A profile route's body, in each encoding the routes accept. */
export type ProfileBody =
  | { multipart: readonly FormEntry[] | Record<string, string | FilePart> }
  | { urlencoded: string }
  | { json: unknown }
  | { raw: string | Buffer; contentType: string };

/** Sends `POST`/`PATCH`/`GET /profiles/users/<userId>/`, as `token`'s user (anonymous without). */
export function profileRequest(
  t: TestApp,
  method: 'POST' | 'PATCH' | 'GET',
  userId: number | string,
  token: string | null,
  body?: ProfileBody,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = token ? bearer(token) : {};
  let payload: string | Buffer | undefined;
  if (body && 'multipart' in body) {
    const form = multipartBody(body.multipart);
    payload = form.payload;
    headers['content-type'] = form.contentType;
  } else if (body && 'urlencoded' in body) {
    payload = body.urlencoded;
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (body && 'json' in body) {
    payload = JSON.stringify(body.json);
    headers['content-type'] = 'application/json';
  } else if (body) {
    payload = body.raw;
    headers['content-type'] = body.contentType;
  }
  return t.app.inject({ method, url: `/profiles/users/${userId}/`, payload, headers }) as Promise<LightMyRequestResponse>;
}

/** `{status, body}` of a response, for one readable assertion. */
export function outcome(res: LightMyRequestResponse): { status: number; body: unknown } {
  return { status: res.statusCode, body: res.json() };
}
