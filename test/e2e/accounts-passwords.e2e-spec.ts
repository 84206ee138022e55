import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { JobName } from '../../src/core/queues/queues';
import { ACCOUNTS_MESSAGES } from '../../src/modules/accounts/accounts.messages';
import { AccountsModule } from '../../src/modules/accounts/accounts.module';
import { PasswordResetTokensRepository } from '../../src/modules/accounts/password-reset-tokens.repository';
import { newSecretToken, tokenDigest } from '../../src/modules/accounts/secret-token';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, get, login, post, queuedMails } from '../utils/accounts';
import { bearer, insertUser, type TestUser } from '../utils/auth';

describe('passwords', () => {
  let t: TestApp;
  let db: DataSource;

  const me = (access: string) => get(t, '/accounts/me/', bearer(access));
  const refresh = (refreshToken: string) => post(t, '/accounts/refresh/', { refresh_token: refreshToken });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  describe('POST /accounts/change-password/', () => {
    let user: TestUser;
    const change = (access: string, body: object) => post(t, '/accounts/change-password/', body, bearer(access));

    beforeEach(async () => {
      user = await insertUser(t, { password: 'Old!Passw0rd' });
    });

    it('changes the password and ends every session of the user', async () => {
      const current = await login(t, user.email, user.password);
      const otherDevice = await login(t, user.email, user.password);

      const res = await change(current.access, { email: user.email, old_password: 'Old!Passw0rd', new_password: 'New!Passw0rd' });

      expect(answer(res)).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.passwordChanged } });
      for (const session of [current, otherDevice]) {
        expect(answer(await me(session.access))).toEqual(detail(401, AUTH_MESSAGES.tokenRevoked));
        expect(answer(await refresh(session.refresh))).toEqual(detail(404, ACCOUNTS_MESSAGES.refreshTokenNotFound));
      }
      expect((await post(t, '/accounts/login/', { email: user.email, password: 'Old!Passw0rd' })).statusCode).toBe(401);
      const fresh = await login(t, user.email, 'New!Passw0rd');
      expect((await me(fresh.access)).statusCode).toBe(200);
    });

    it('does not need the e-mail field', async () => {
      const { access } = await login(t, user.email, user.password);
      expect((await change(access, { old_password: 'Old!Passw0rd', new_password: 'New!Passw0rd' })).statusCode).toBe(200);
    });

    it('answers 401 for a wrong old password and 409 for an unchanged one', async () => {
      const { access } = await login(t, user.email, user.password);

      expect(answer(await change(access, { old_password: 'Wrong!Passw0rd', new_password: 'New!Passw0rd' }))).toEqual(
        detail(401, AUTH_MESSAGES.invalidCredentials),
      );
      expect(answer(await change(access, { old_password: 'Old!Passw0rd', new_password: 'Old!Passw0rd' }))).toEqual(
        detail(409, ACCOUNTS_MESSAGES.samePassword),
      );
      expect((await me(access)).statusCode).toBe(200);
    });

    it('applies the full policy to the new password, so nobody can lock themselves out', async () => {
      const { access } = await login(t, user.email, user.password);
      const tooLong = `New!Passw0rd${'x'.repeat(30)}`;

      const res = await change(access, { email: 'not-an-email', old_password: 'Old!Passw0rd', new_password: tooLong });

      expect(res.statusCode).toBe(422);
      expect(res.json().detail.map((issue: { type: string; loc: string[] }) => [issue.type, issue.loc])).toEqual([
        ['value_error', ['body', 'email']],
        ['string_too_long', ['body', 'new_password']],
      ]);
    });

    it('needs authentication before validation', async () => {
      expect(answer(await post(t, '/accounts/change-password/', {}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    });
  });

  describe('POST /accounts/reset-password/request/', () => {
    const request = (email: string) => post(t, '/accounts/reset-password/request/', { email });
    const resetJobs = async () =>
      (await db.query(`SELECT payload FROM outbox WHERE type = $1 ORDER BY id`, [JobName.IssuePasswordReset])) as Array<{
        payload: { email: string; token: string };
      }>;

    it('answers the same, after the same work, whether or not an active account matches', async () => {
      const active = await insertUser(t);
      const inactive = await insertUser(t, { isActive: false });
      const before = (await resetJobs()).length;

      for (const email of [active.email, inactive.email, 'nobody@example.com']) {
        expect(answer(await request(email))).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.resetRequested } });
      }

      const jobs = (await resetJobs()).slice(before);
      expect(jobs.map((job) => job.payload.email)).toEqual([active.email, inactive.email, 'nobody@example.com']);
      expect(jobs.every((job) => /^[A-Za-z0-9_-]{43}$/.test(job.payload.token))).toBe(true);
      // The worker decides what happens; the API itself touched no token and queued no mail.
      expect(await db.query('SELECT id FROM password_reset_tokens')).toEqual([]);
      expect(await queuedMails(t, active.email)).toEqual([]);
    });

    it('answers 422 for an invalid address', async () => {
      const res = await request('nobody');
      expect(res.statusCode).toBe(422);
      const reason = 'An email address must have an @-sign.';
      expect(res.json()).toEqual({
        detail: [{ type: 'value_error', loc: ['body', 'email'], msg: `value is not a valid email address: ${reason}`, input: 'nobody', ctx: { reason } }],
      });
    });
  });

  describe('POST /accounts/reset-password/complete/', () => {
    let user: TestUser;
    let token: string;
    const complete = (body: object) => post(t, '/accounts/reset-password/complete/', body);
    const pendingToken = async (userId: number, expiresIn = '1 day') =>
      db.query(`INSERT INTO password_reset_tokens (user_id, token, expires_at) VALUES ($1, $2, now() + $3::interval)`, [
        userId,
        tokenDigest(token),
        expiresIn,
      ]);
    const resetRows = async (userId: number) => db.query('SELECT id FROM password_reset_tokens WHERE user_id = $1', [userId]);

    beforeEach(async () => {
      token = newSecretToken();
      user = await insertUser(t, { email: `Reset.${token.slice(0, 8)}@example.com`, password: 'Old!Passw0rd' });
    });

    it('sets the new password, uses the token up, ends every session and queues the completion e-mail', async () => {
      const session = await login(t, user.email, user.password);
      await pendingToken(user.id);

      const res = await complete({ email: user.email.toUpperCase(), password: 'New!Passw0rd', token });

      expect(answer(res)).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.passwordReset } });
      expect(await resetRows(user.id)).toEqual([]);
      expect(answer(await me(session.access))).toEqual(detail(401, AUTH_MESSAGES.tokenRevoked));
      expect((await refresh(session.refresh)).statusCode).toBe(404);
      await login(t, user.email, 'New!Passw0rd');
      // To the account's own address, not to the address as typed.
      expect(await queuedMails(t, user.email)).toEqual([{ template: 'password-reset-completion', to: user.email }]);
      expect(answer(await complete({ email: user.email, password: 'Other!Passw0rd', token }))).toEqual(
        detail(404, ACCOUNTS_MESSAGES.resetTokenNotFound),
      );
    });

    it('answers 400 for an unknown or inactive account', async () => {
      const inactive = await insertUser(t, { isActive: false });
      await pendingToken(inactive.id);

      expect(answer(await complete({ email: 'nobody@example.com', password: 'New!Passw0rd', token }))).toEqual(
        detail(400, ACCOUNTS_MESSAGES.invalidEmailOrToken),
      );
      expect(answer(await complete({ email: inactive.email, password: 'New!Passw0rd', token }))).toEqual(
        detail(400, ACCOUNTS_MESSAGES.invalidEmailOrToken),
      );
    });

    it('answers 404 when no reset is pending', async () => {
      expect(answer(await complete({ email: user.email, password: 'New!Passw0rd', token }))).toEqual(
        detail(404, ACCOUNTS_MESSAGES.resetTokenNotFound),
      );
    });

    it('answers 400 for a wrong token and leaves the pending one usable', async () => {
      await pendingToken(user.id);

      for (const guess of ['wrong', token.toUpperCase(), `${token}x`]) {
        expect(answer(await complete({ email: user.email, password: 'New!Passw0rd', token: guess }))).toEqual(
          detail(400, ACCOUNTS_MESSAGES.invalidEmailOrToken),
        );
      }
      expect(await resetRows(user.id)).toHaveLength(1);
      expect((await complete({ email: user.email, password: 'New!Passw0rd', token })).statusCode).toBe(200);
    });

    it('answers 400 for an expired token and deletes it', async () => {
      await pendingToken(user.id, '-1 second');

      expect(answer(await complete({ email: user.email, password: 'New!Passw0rd', token }))).toEqual(
        detail(400, ACCOUNTS_MESSAGES.invalidEmailOrToken),
      );
      expect(await resetRows(user.id)).toEqual([]);
      await login(t, user.email, 'Old!Passw0rd');
    });

    it('deletes an expired token only if it is still the pending one, never a link mailed meanwhile', async () => {
      await pendingToken(user.id, '-1 second');
      const fresh = newSecretToken();
      const repository = t.app.select(AccountsModule).get(PasswordResetTokensRepository);
      const findForUser = repository.findForUser.bind(repository);
      // A new reset is issued between the check of the old, expired token and its deletion.
      const spy = jest.spyOn(repository, 'findForUser').mockImplementationOnce(async (userId) => {
        const stale = await findForUser(userId);
        await db.query(`UPDATE password_reset_tokens SET token = $1, expires_at = now() + interval '1 day' WHERE user_id = $2`, [
          tokenDigest(fresh),
          userId,
        ]);
        return stale;
      });
      try {
        expect(answer(await complete({ email: user.email, password: 'New!Passw0rd', token }))).toEqual(
          detail(400, ACCOUNTS_MESSAGES.invalidEmailOrToken),
        );
      } finally {
        spy.mockRestore();
      }

      expect(answer(await complete({ email: user.email, password: 'New!Passw0rd', token: fresh }))).toEqual({
        status: 200,
        body: { message: ACCOUNTS_MESSAGES.passwordReset },
      });
    });

    it('lets one of two simultaneous completions with the same token succeed', async () => {
      await pendingToken(user.id);

      const responses = await Promise.all([
        complete({ email: user.email, password: 'First!Passw0rd', token }),
        complete({ email: user.email, password: 'Second!Passw0rd', token }),
      ]);

      // The loser finds the token used up: mid-way (400) or, if it came a little later, gone (404).
      const statuses = responses.map((res) => res.statusCode).sort();
      expect([[200, 400], [200, 404]]).toContainEqual(statuses);
      expect(await queuedMails(t, user.email)).toHaveLength(1);
    });

    it('serves one static page whatever its query holds, under a policy that runs only its own script and style', async () => {
      const query = new URLSearchParams({ email: '"><script>alert(1)</script>', token: '</script><img src=x onerror=alert(2)>' });
      const hostile = await get(t, `/accounts/reset-password/complete/?${query.toString()}`);
      const plain = await get(t, '/accounts/reset-password/complete/');

      expect(hostile.statusCode).toBe(200);
      expect(hostile.body).toBe(plain.body);
      expect(hostile.body).not.toMatch(/alert|onerror/);
      expect(hostile.headers['content-security-policy']).toMatch(
        /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'$/,
      );
      expect(hostile.headers).toMatchObject({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' });
    });

    it('applies the full password policy', async () => {
      const res = await complete({ email: user.email, password: 'weakpassword', token });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toEqual([expect.objectContaining({ type: 'value_error', loc: ['body', 'password'] })]);
      expect(res.json().detail).toEqual([
        { type: 'value_error', loc: ['body', 'password'], msg: `Value error, ${ACCOUNTS_MESSAGES.passwordPolicy}`, input: 'weakpassword', ctx: { error: {} } },
      ]);
    });
  });
});
