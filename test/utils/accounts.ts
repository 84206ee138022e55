import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import type { MailTemplate } from '../../src/core/queues/queues';
import type { TestApp } from './app';

export type Response = LightMyRequestResponse;

/** POSTs a JSON body to the test app. */
export function post(t: TestApp, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return t.app.inject({ method: 'POST', url, payload: body as object, headers }) as Promise<Response>;
}

export function get(t: TestApp, url: string, headers: Record<string, string> = {}): Promise<Response> {
  return t.app.inject({ method: 'GET', url, headers }) as Promise<Response>;
}

/** `{status, body}` of a response, for one readable assertion. */
export function answer(res: Response): { status: number; body: unknown } {
  return { status: res.statusCode, body: res.json() };
}

export function detail(status: number, message: string): { status: number; body: { detail: string } } {
  return { status, body: { detail: message } };
}

/**
 * The token of the newest e-mail of `template` queued for `to`, read from the outbox (the only
 * place the plain token exists besides the mail itself), for tests that run no worker.
 */
export async function queuedToken(t: TestApp, template: MailTemplate, to: string): Promise<string> {
  const rows: Array<{ token: string }> = await t.app
    .get(DataSource)
    .query(`SELECT payload->>'token' AS token FROM outbox WHERE payload->>'template' = $1 AND payload->>'to' = $2 ORDER BY id DESC LIMIT 1`, [
      template,
      to,
    ]);
  if (!rows[0]) throw new Error(`No ${template} mail queued for ${to}`);
  return rows[0].token;
}

/** The e-mails queued in the outbox, oldest first. */
export async function queuedMails(t: TestApp, to: string): Promise<Array<{ template: MailTemplate; to: string }>> {
  const rows: Array<{ payload: { template: MailTemplate; to: string } }> = await t.app
    .get(DataSource)
    .query(`SELECT payload FROM outbox WHERE type = 'send-mail' AND lower(payload->>'to') = lower($1) ORDER BY id`, [to]);
  return rows.map((row) => ({ template: row.payload.template, to: row.payload.to }));
}

/** The payload of a JWT, read without verifying it. */
export function jwtClaims(token: string): { user_id: number; type: string; jti: string; iat: number; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

export interface Session {
  access: string;
  refresh: string;
}

export async function login(t: TestApp, email: string, password: string): Promise<Session> {
  const res = await post(t, '/accounts/login/', { email, password });
  if (res.statusCode !== 200) throw new Error(`login of ${email} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ access_token: string; refresh_token: string }>();
  return { access: body.access_token, refresh: body.refresh_token };
}

/** Waits until `probe` returns something truthy. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
