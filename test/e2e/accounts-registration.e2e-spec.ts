import { DataSource } from 'typeorm';
import { ACCOUNTS_MESSAGES } from '../../src/modules/accounts/accounts.messages';
import { USER_GROUP_IDS, UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { tokenDigest } from '../../src/modules/accounts/secret-token';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, get, post, queuedMails, queuedToken } from '../utils/accounts';
import { insertUser } from '../utils/auth';

const PASSWORD = 'Str0ng!Pass';

describe('registration and activation', () => {
  let t: TestApp;
  let db: DataSource;

  const register = (email: string, password = PASSWORD) => post(t, '/accounts/register/', { email, password });
  const activate = (email: string, token: string) =>
    get(t, `/accounts/activate/?${new URLSearchParams({ email, token }).toString()}`);
  const userRow = async (email: string) =>
    (await db.query('SELECT * FROM users WHERE lower(email) = lower($1)', [email]))[0] as
      | { id: number; email: string; is_active: boolean; group_id: number; _hashed_password: string }
      | undefined;
  const activationRow = async (userId: number) =>
    (await db.query('SELECT token, expires_at FROM activation_tokens WHERE user_id = $1', [userId]))[0] as
      | { token: string; expires_at: Date }
      | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('POST /accounts/register/', () => {
    it('creates an inactive USER with an argon2id hash, a one-day activation token stored as a digest, a cart and the e-mail', async () => {
      const res = await register('New.Viewer@EXAMPLE.com');

      const user = await userRow('new.viewer@example.com');
      expect(answer(res)).toEqual({ status: 201, body: { email: 'new.viewer@example.com', id: user!.id } });
      expect(Object.keys(res.json())).toEqual(['email', 'id']);
      // Stored as normalised by the validator: the domain lower-cased, the local part as typed.
      expect(user).toMatchObject({ email: 'New.Viewer@example.com', is_active: false, group_id: USER_GROUP_IDS[UserGroupName.User] });
      expect(user!._hashed_password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

      const token = await queuedToken(t, 'activation', 'New.Viewer@example.com');
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await activationRow(user!.id);
      expect(stored!.token).toBe(tokenDigest(token));
      expect(stored!.expires_at.getTime() - Date.now()).toBeGreaterThan(24 * 3600 * 1000 - 60_000);
      expect(stored!.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
      expect(await db.query('SELECT id FROM carts WHERE user_id = $1', [user!.id])).toHaveLength(1);
    });

    it.each(['ALLUPPERCASE1!', 'alllowercase1!', 'NoSpecialChar1', 'NoDigits!@#', '12345678', 'Password', 'PASS1234!', 'Passw0rd#-_'])(
      'refuses the password %j with the complexity message',
      async (password) => {
        const res = await register('weak@example.com', password);
        expect(answer(res)).toEqual({
          status: 422,
          body: {
            detail: [
              { type: 'value_error', loc: ['body', 'password'], msg: `Value error, ${ACCOUNTS_MESSAGES.passwordPolicy}`, input: password, ctx: { error: {} } },
            ],
          },
        });
      },
    );

    it('checks the length before the complexity, in characters', async () => {
      expect(answer(await register('short@example.com', 'pass1'))).toEqual({
        status: 422,
        body: { detail: [{ type: 'string_too_short', loc: ['body', 'password'], msg: 'String should have at least 8 characters', input: 'pass1', ctx: { min_length: 8 } }] },
      });
      const long = `Aa1!${'x'.repeat(29)}`;
      expect(answer(await register('long@example.com', long)).body).toEqual({
        detail: [{ type: 'string_too_long', loc: ['body', 'password'], msg: 'String should have at most 32 characters', input: long, ctx: { max_length: 32 } }],
      });
      // Unicode letters and digits count as Python counts them: 8 characters, not 9 UTF-16 units.
      expect((await register('unicode@example.com', 'Éé²!😀abc')).statusCode).toBe(201);
    });

    it('refuses an invalid e-mail and a missing body with the FastAPI 422 list', async () => {
      expect(answer(await register('not-an-email'))).toEqual({
        status: 422,
        body: {
          detail: [
            {
              type: 'value_error',
              loc: ['body', 'email'],
              msg: 'value is not a valid email address: An email address must have an @-sign.',
              input: 'not-an-email',
              ctx: { reason: 'An email address must have an @-sign.' },
            },
          ],
        },
      });
      expect(answer(await post(t, '/accounts/register/'))).toEqual({
        status: 422,
        body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
      });
    });

    it('answers 409 for a registered address in any letter case, naming the address as typed', async () => {
      await insertUser(t, { email: 'Taken@example.com' });

      expect(answer(await register('TAKEN@Example.COM'))).toEqual(detail(409, ACCOUNTS_MESSAGES.userExists('TAKEN@example.com')));
    });

    it('matches addresses exactly: an address inside another one is free', async () => {
      await insertUser(t, { email: 'jimbob@example.com' });

      expect((await register('bob@example.com')).statusCode).toBe(201);
      expect((await register('b_b@example.com')).statusCode).toBe(201);
    });

    it('gives one 201 and one 409 to two simultaneous registrations of one address', async () => {
      const responses = await Promise.all([register('race@example.com'), register('RACE@example.com'), register('race@EXAMPLE.com')]);

      expect(responses.map((res) => res.statusCode).sort()).toEqual([201, 409, 409]);
      for (const res of responses.filter((r) => r.statusCode === 409)) {
        expect(res.json().detail).toMatch(/^User with this email (race|RACE)@example\.com already exists\.$/);
      }
      expect(await db.query(`SELECT id FROM users WHERE lower(email) = 'race@example.com'`)).toHaveLength(1);
      expect(await queuedMails(t, 'race@example.com')).toHaveLength(1);
    });
  });

  describe('GET /accounts/activate/', () => {
    it('activates with the mailed token, uses it up and queues the confirmation', async () => {
      await register('activate.me@example.com');
      const token = await queuedToken(t, 'activation', 'activate.me@example.com');

      expect(answer(await activate('Activate.Me@example.com', token))).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.activated } });

      const user = await userRow('activate.me@example.com');
      expect(user!.is_active).toBe(true);
      expect(await activationRow(user!.id)).toBeUndefined();
      expect(await queuedMails(t, 'activate.me@example.com')).toEqual([
        { template: 'activation', to: 'activate.me@example.com' },
        { template: 'activation-confirmation', to: 'activate.me@example.com' },
      ]);
      expect(answer(await activate('activate.me@example.com', token))).toEqual(detail(400, ACCOUNTS_MESSAGES.invalidOrExpiredToken));
    });

    it('activates once when the link is clicked twice at the same time, and confirms once', async () => {
      await register('double.click@example.com');
      const token = await queuedToken(t, 'activation', 'double.click@example.com');

      const responses = await Promise.all([activate('double.click@example.com', token), activate('double.click@example.com', token)]);

      expect(responses.map(answer).sort((a, b) => a.status - b.status)).toEqual([
        { status: 200, body: { message: ACCOUNTS_MESSAGES.activated } },
        detail(400, ACCOUNTS_MESSAGES.invalidOrExpiredToken),
      ]);
      expect((await queuedMails(t, 'double.click@example.com')).map((mail) => mail.template)).toEqual(['activation', 'activation-confirmation']);
    });

    it('refuses a wrong token, or another address, and leaves the pending token usable', async () => {
      await register('guessed@example.com');
      await register('other@example.com');
      const token = await queuedToken(t, 'activation', 'guessed@example.com');

      expect(answer(await activate('guessed@example.com', 'x'.repeat(43)))).toEqual(detail(400, ACCOUNTS_MESSAGES.invalidOrExpiredToken));
      expect(answer(await activate('other@example.com', token))).toEqual(detail(400, ACCOUNTS_MESSAGES.invalidOrExpiredToken));
      expect((await activate('guessed@example.com', token)).statusCode).toBe(200);
    });

    it('refuses an expired token and deletes it', async () => {
      await register('late@example.com');
      const token = await queuedToken(t, 'activation', 'late@example.com');
      const user = await userRow('late@example.com');
      await db.query(`UPDATE activation_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user!.id]);

      expect(answer(await activate('late@example.com', token))).toEqual(detail(400, ACCOUNTS_MESSAGES.invalidOrExpiredToken));
      expect((await userRow('late@example.com'))!.is_active).toBe(false);
      expect(await activationRow(user!.id)).toBeUndefined();
    });

    it('answers 422 for a missing or invalid query parameter', async () => {
      expect(answer(await get(t, '/accounts/activate/?token=abc'))).toEqual({
        status: 422,
        body: { detail: [{ type: 'missing', loc: ['query', 'email'], msg: 'Field required', input: null }] },
      });
      const res = await get(t, '/accounts/activate/?email=nobody&token=abc');
      expect(res.statusCode).toBe(422);
      expect(res.json().detail[0]).toMatchObject({ type: 'value_error', loc: ['query', 'email'] });
      const reason = 'An email address must have an @-sign.';
      expect(res.json()).toEqual({
        detail: [{ type: 'value_error', loc: ['query', 'email'], msg: `value is not a valid email address: ${reason}`, input: 'nobody', ctx: { reason } }],
      });
    });
  });

  describe('POST /accounts/resend-activation/', () => {
    const resend = (email: string) => post(t, '/accounts/resend-activation/', { email });

    it('answers 404 for an unknown address', async () => {
      expect(answer(await resend('Nobody@Example.com'))).toEqual(detail(404, ACCOUNTS_MESSAGES.userWithEmailNotFound('Nobody@example.com')));
    });

    it('answers 200 "already activated" for an active account', async () => {
      await insertUser(t, { email: 'active@example.com' });
      expect(answer(await resend('ACTIVE@example.com'))).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.alreadyActivated } });
    });

    it('answers 400 while the pending token is valid', async () => {
      await register('pending@example.com');
      expect(answer(await resend('pending@example.com'))).toEqual(detail(400, ACCOUNTS_MESSAGES.activationTokenStillValid));
      expect(await queuedMails(t, 'pending@example.com')).toHaveLength(1);
    });

    it('replaces an expired token with a new one, mailed to the stored address', async () => {
      await register('Expired.Link@example.com');
      const oldToken = await queuedToken(t, 'activation', 'Expired.Link@example.com');
      const user = await userRow('expired.link@example.com');
      await db.query(`UPDATE activation_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user!.id]);

      expect(answer(await resend('expired.link@EXAMPLE.com'))).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.activationLinkSent } });

      const newToken = await queuedToken(t, 'activation', 'Expired.Link@example.com');
      expect(newToken).not.toBe(oldToken);
      expect((await activationRow(user!.id))!.token).toBe(tokenDigest(newToken));
      expect((await activate('expired.link@example.com', oldToken)).statusCode).toBe(400);
      expect((await activate('expired.link@example.com', newToken)).statusCode).toBe(200);
    });

    it('lets only one of two simultaneous resends replace an expired token', async () => {
      await register('twice@example.com');
      const user = await userRow('twice@example.com');
      await db.query(`UPDATE activation_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user!.id]);

      const responses = await Promise.all([resend('twice@example.com'), resend('twice@example.com')]);

      expect(responses.map((res) => res.statusCode).sort()).toEqual([200, 400]);
      expect(await queuedMails(t, 'twice@example.com')).toHaveLength(2);
    });
  });
});
