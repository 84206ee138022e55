import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApp } from '../utils/app';
import type { CapturedMail, SmtpListener } from '../utils/smtp-listener';
import { get, login, post, queuedToken } from '../utils/accounts';
import { accessTokenFor, bearer, insertUser, type TestUser } from '../utils/auth';

export interface TestMovie {
  id: number;
  uuid: string;
  name: string;
  price: string;
}

export interface Buyer extends TestUser {
  headers: { authorization: string };
}

const db = (t: TestApp): DataSource => t.app.get(DataSource);

/** A movie straight in the database (the catalog module is not needed for commerce tests). */
export async function insertMovie(t: TestApp, options: { name?: string; price?: string } = {}): Promise<TestMovie> {
  const suffix = randomBytes(4).toString('hex');
  const [{ id: certificationId }]: Array<{ id: number }> = await db(t).query(`INSERT INTO certifications (name) VALUES ($1) RETURNING id`, [
    `cert-${suffix}`,
  ]);
  const [movie]: TestMovie[] = await db(t).query(
    `INSERT INTO movies (name, year, time, imdb, votes, description, price, certification_id)
     VALUES ($1, 2001, 120, 7.5, 1000, 'A test movie.', $2, $3) RETURNING id, uuid, name, price::text AS price`,
    [options.name ?? `Movie ${suffix}`, options.price ?? '9.99', certificationId],
  );
  return movie;
}

export async function setPrice(t: TestApp, movie: TestMovie, price: string): Promise<void> {
  await db(t).query(`UPDATE movies SET price = $1 WHERE id = $2`, [price, movie.id]);
}

/** An active user with a cart (what registration makes) and a bearer header. */
export async function insertBuyer(t: TestApp, options: Parameters<typeof insertUser>[1] = {}): Promise<Buyer> {
  const user = await insertUser(t, options);
  await db(t).query(`INSERT INTO carts (user_id) VALUES ($1)`, [user.id]);
  return { ...user, headers: bearer(accessTokenFor(t, user.id)) };
}

/** Puts movies in the user's cart directly. */
export async function fillCart(t: TestApp, userId: number, movies: TestMovie[]): Promise<void> {
  for (const movie of movies) {
    await db(t).query(`INSERT INTO cart_items (cart_id, movie_id) SELECT id, $2 FROM carts WHERE user_id = $1`, [userId, movie.id]);
  }
}

/** Counts rows of `table` matching `where` (parameters `$1`...). */
export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [{ count }]: Array<{ count: number }> = await db(t).query(`SELECT count(*)::int AS count FROM ${table} WHERE ${where}`, params);
  return count;
}

/**
 * Registers, activates and logs in through the HTTP API. The activation token comes from the
 * outbox, or, when a worker delivers mail to `smtp`, from the link of the e-mail itself (a
 * relayed outbox row no longer holds it).
 */
export async function registerBuyer(t: TestApp, email: string, options: { smtp?: SmtpListener; password?: string } = {}): Promise<Buyer> {
  const password = options.password ?? 'Str0ng!Passw0rd';
  const registered = await post(t, '/accounts/register/', { email, password });
  if (registered.statusCode !== 201) throw new Error(`register ${email}: ${registered.statusCode} ${registered.body}`);
  const token = options.smtp ? activationTokenOf(await options.smtp.waitForMail(email)) : await queuedToken(t, 'activation', email);
  const activated = await get(t, `/accounts/activate/?${new URLSearchParams({ email, token }).toString()}`);
  if (activated.statusCode !== 200) throw new Error(`activate ${email}: ${activated.statusCode} ${activated.body}`);
  const session = await login(t, email, password);
  return { id: registered.json<{ id: number }>().id, email, password, headers: bearer(session.access) };
}

function activationTokenOf(mail: CapturedMail): string {
  const link = mail.links.find((href) => href.includes('/accounts/activate/'));
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error(`no activation link in the mail to ${mail.to}`);
  return token;
}
