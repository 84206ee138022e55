import { hash as bcryptHash } from '@node-rs/bcrypt';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../../src/common/auth/access-token.service';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { ACCOUNTS_MESSAGES } from '../../src/modules/accounts/accounts.messages';
import { AccountsModule } from '../../src/modules/accounts/accounts.module';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { PasswordHasher } from '../../src/modules/accounts/password-hasher';
import { RefreshTokenService } from '../../src/modules/accounts/refresh-token.service';
import { tokenDigest } from '../../src/modules/accounts/secret-token';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, get, jwtClaims, login, post, type Session } from '../utils/accounts';
import { bearer, insertUser, type TestUser } from '../utils/auth';

const refreshRow = async (db: DataSource, token: string) =>
  (await db.query('SELECT user_id, family_id, expires_at, revoked_at FROM refresh_tokens WHERE token = $1', [tokenDigest(token)]))[0] as
    | { user_id: number; family_id: string; expires_at: Date; revoked_at: Date | null }
    | undefined;

describe('sessions', () => {
  let t: TestApp;
  let db: DataSource;
  let user: TestUser;

  const refresh = (refreshToken: unknown, headers: Record<string, string> = {}) =>
    post(t, '/accounts/refresh/', { refresh_token: refreshToken }, headers);
  const logout = (body: unknown, headers: Record<string, string> = {}) => post(t, '/accounts/logout/', body, headers);
  const me = (access: string) => get(t, '/accounts/me/', bearer(access));

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    user = await insertUser(t, { email: 'Viewer@example.com', password: 'Str0ng!Pass' });
  });
  afterAll(() => t.close());

  describe('POST /accounts/login/', () => {
    it('issues an access and a refresh token; the refresh token is stored as a digest for JWT_REFRESH_TTL', async () => {
      const res = await post(t, '/accounts/login/', { email: 'viewer@EXAMPLE.com', password: 'Str0ng!Pass' });

      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body)).toEqual(['access_token', 'refresh_token', 'token_type']);
      expect(body.token_type).toBe('bearer');
      const access = jwtClaims(body.access_token);
      expect(access).toMatchObject({ user_id: user.id, type: 'access' });
      expect(access.exp - access.iat).toBeCloseTo(60 * 60, -1);
      const row = await refreshRow(db, body.refresh_token);
      expect(row).toMatchObject({ user_id: user.id, revoked_at: null });
      expect(row!.expires_at.getTime() / 1000).toBeCloseTo(jwtClaims(body.refresh_token).exp, 0);
      expect(row!.expires_at.getTime() - Date.now()).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
      expect((await me(body.access_token)).statusCode).toBe(200);
    });

    it('keeps several sessions of one user side by side', async () => {
      const first = await login(t, user.email, user.password);
      const second = await login(t, user.email, user.password);

      expect((await refresh(first.refresh)).statusCode).toBe(200);
      expect((await refresh(second.refresh)).statusCode).toBe(200);
    });

    it('answers 401 for a wrong password and for an unknown address alike, verifying a hash in both cases', async () => {
      const hasher = t.app.select(AccountsModule).get(PasswordHasher);
      const verify = jest.spyOn(hasher, 'verify');
      try {
        const wrong = await post(t, '/accounts/login/', { email: user.email, password: 'Wr0ng!Pass' });
        const unknown = await post(t, '/accounts/login/', { email: 'ghost@example.com', password: 'Str0ng!Pass' });

        expect(answer(wrong)).toEqual(detail(401, AUTH_MESSAGES.invalidCredentials));
        expect(answer(unknown)).toEqual(detail(401, AUTH_MESSAGES.invalidCredentials));
        expect(verify).toHaveBeenCalledTimes(2);
        expect(verify.mock.calls[1][0]).toMatch(/^\$argon2id\$/);
      } finally {
        verify.mockRestore();
      }
    });

    it('answers 403 for an inactive account with the right password, 401 with a wrong one', async () => {
      const inactive = await insertUser(t, { isActive: false });

      expect(answer(await post(t, '/accounts/login/', { email: inactive.email, password: inactive.password }))).toEqual(
        detail(403, ACCOUNTS_MESSAGES.notActivated),
      );
      expect((await post(t, '/accounts/login/', { email: inactive.email, password: 'Wr0ng!Pass' })).statusCode).toBe(401);
    });

    it('applies the full password policy (422, not 401)', async () => {
      const res = await post(t, '/accounts/login/', { email: user.email, password: 'password' });
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toEqual([expect.objectContaining({ type: 'value_error', loc: ['body', 'password'] })]);
      expect(res.json().detail).toEqual([
        { type: 'value_error', loc: ['body', 'password'], msg: `Value error, ${ACCOUNTS_MESSAGES.passwordPolicy}`, input: 'password', ctx: { error: {} } },
      ]);
    });

    it('logs in a user imported with a bcrypt hash and re-hashes the password with argon2id', async () => {
      const rows: Array<{ id: number }> = await db.query(
        `INSERT INTO users (email, _hashed_password, is_active, group_id) VALUES ('imported@example.com', $1, true, 2) RETURNING id`,
        [await bcryptHash('Imp0rted!Pass', { cost: 12 })],
      );
      const stored = async () => (await db.query('SELECT _hashed_password FROM users WHERE id = $1', [rows[0].id]))[0]._hashed_password as string;
      expect(await stored()).toMatch(/^\$2b\$12\$/);

      await login(t, 'imported@example.com', 'Imp0rted!Pass');

      expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await login(t, 'imported@example.com', 'Imp0rted!Pass');
      expect((await post(t, '/accounts/login/', { email: 'imported@example.com', password: 'Wr0ng!Pass' })).statusCode).toBe(401);
    });
  });

  describe('POST /accounts/refresh/', () => {
    let session: Session;
    beforeEach(async () => {
      session = await login(t, user.email, user.password);
    });

    it('issues a 15-minute access token for the refresh token alone, without rotating it', async () => {
      const res = await refresh(session.refresh);

      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json())).toEqual(['access_token', 'token_type']);
      expect(res.json().token_type).toBe('bearer');
      const claims = jwtClaims(res.json().access_token);
      expect(claims.user_id).toBe(user.id);
      expect(claims.exp - claims.iat).toBeCloseTo(15 * 60, -1);
      expect((await me(res.json().access_token)).statusCode).toBe(200);
      expect((await refresh(session.refresh)).statusCode).toBe(200);
    });

    it("accepts the same user's access token alongside, even an expired one", async () => {
      const expired = t.app.get(AccessTokenService).sign(user.id, -10).token;

      expect((await refresh(session.refresh, bearer(session.access))).statusCode).toBe(200);
      expect((await refresh(session.refresh, bearer(expired))).statusCode).toBe(200);
    });

    it("refuses another user's access token, a malformed header and a forged one", async () => {
      const other = await insertUser(t);
      const otherAccess = (await login(t, other.email, other.password)).access;

      expect(answer(await refresh(session.refresh, bearer(otherAccess)))).toEqual(detail(401, ACCOUNTS_MESSAGES.tokenNotOwned));
      expect(answer(await refresh(session.refresh, { authorization: 'Basic abc' }))).toEqual(detail(401, AUTH_MESSAGES.headerFormat));
      expect(answer(await refresh(session.refresh, bearer(`${session.access}x`)))).toEqual(detail(401, AUTH_MESSAGES.tokenInvalid));
    });

    it('refuses what is not a valid refresh JWT', async () => {
      const expiredRefresh = t.app.get(RefreshTokenService).sign(user.id, -10).token;

      expect(answer(await refresh('garbage'))).toEqual(detail(401, AUTH_MESSAGES.tokenInvalid));
      expect(answer(await refresh(session.access))).toEqual(detail(401, AUTH_MESSAGES.tokenInvalid));
      expect(answer(await refresh(expiredRefresh))).toEqual(detail(401, AUTH_MESSAGES.tokenExpired));
    });

    it('answers 404 for a genuine refresh token that is not stored', async () => {
      const unknown = t.app.get(RefreshTokenService).sign(user.id).token;
      expect(answer(await refresh(unknown))).toEqual(detail(404, ACCOUNTS_MESSAGES.refreshTokenNotFound));
    });

    it('answers 401 for a session past its stored expiry, and deletes it', async () => {
      await db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token = $1`, [tokenDigest(session.refresh)]);

      expect(answer(await refresh(session.refresh))).toEqual(detail(401, ACCOUNTS_MESSAGES.refreshTokenExpired));
      expect(await refreshRow(db, session.refresh)).toBeUndefined();
      expect(answer(await refresh(session.refresh))).toEqual(detail(404, ACCOUNTS_MESSAGES.refreshTokenNotFound));
    });

    it('refuses a user deactivated after login', async () => {
      const leaving = await insertUser(t);
      const leavingSession = await login(t, leaving.email, leaving.password);
      await db.query('UPDATE users SET is_active = false WHERE id = $1', [leaving.id]);

      expect(answer(await refresh(leavingSession.refresh))).toEqual(detail(403, AUTH_MESSAGES.userInactive));
    });

    it('answers 422 without a refresh token', async () => {
      expect(answer(await post(t, '/accounts/refresh/', {}))).toEqual({
        status: 422,
        body: { detail: [{ type: 'missing', loc: ['body', 'refresh_token'], msg: 'Field required', input: {} }] },
      });
    });
  });

  describe('POST /accounts/logout/', () => {
    it('checks the header first, then the body, then the token (reference 3.5)', async () => {
      expect(answer(await logout({}))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
      expect(answer(await logout({}, { authorization: 'Token abc' }))).toEqual(detail(401, AUTH_MESSAGES.headerFormat));
      const invalid = await logout({}, bearer('not-a-jwt'));
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'refresh_token'], msg: 'Field required', input: {} }] });
      expect(answer(await logout({ refresh_token: 'x' }, bearer('not-a-jwt')))).toEqual(detail(401, AUTH_MESSAGES.tokenInvalid));
      const expired = t.app.get(AccessTokenService).sign(user.id, -10).token;
      expect(answer(await logout({ refresh_token: 'x' }, bearer(expired)))).toEqual(detail(401, AUTH_MESSAGES.tokenExpired));
    });

    it('revokes the presented access token and ends the session; other sessions go on', async () => {
      const session = await login(t, user.email, user.password);
      const other = await login(t, user.email, user.password);

      expect(answer(await logout({ refresh_token: session.refresh }, bearer(session.access)))).toEqual({
        status: 200,
        body: { message: ACCOUNTS_MESSAGES.loggedOut },
      });

      expect(answer(await me(session.access))).toEqual(detail(401, AUTH_MESSAGES.tokenRevoked));
      expect(answer(await refresh(session.refresh))).toEqual(detail(404, ACCOUNTS_MESSAGES.refreshTokenNotFound));
      expect((await me(other.access)).statusCode).toBe(200);
      expect((await refresh(other.refresh)).statusCode).toBe(200);
    });

    it("leaves someone else's refresh token alone, and ignores an unknown one", async () => {
      const victim = await insertUser(t);
      const victimSession = await login(t, victim.email, victim.password);
      const attacker = await login(t, user.email, user.password);

      expect((await logout({ refresh_token: victimSession.refresh }, bearer(attacker.access))).statusCode).toBe(200);
      expect((await refresh(victimSession.refresh)).statusCode).toBe(200);
      const again = await login(t, user.email, user.password);
      expect((await logout({ refresh_token: 'unknown' }, bearer(again.access))).statusCode).toBe(200);
    });
  });

  describe('GET /accounts/me/', () => {
    it("shows the caller's account, e-mail lower-cased, with no profile", async () => {
      const session = await login(t, user.email, user.password);

      expect(answer(await me(session.access))).toEqual({
        status: 200,
        body: { id: user.id, email: 'viewer@example.com', group: 'user', is_active: true, profile: null },
      });
    });

    it('shows the group and the profile in the profile routes\' shape', async () => {
      const admin = await insertUser(t, { group: UserGroupName.Admin });
      const [{ id }] = await db.query(
        `INSERT INTO user_profiles (user_id, first_name, last_name, gender, date_of_birth, info, avatar)
         VALUES ($1, 'James', 'Bond', 'MAN', '1990-01-01', 'Licensed', NULL) RETURNING id`,
        [admin.id],
      );
      const session = await login(t, admin.email, admin.password);

      expect((await me(session.access)).json()).toEqual({
        id: admin.id,
        email: admin.email,
        group: 'admin',
        is_active: true,
        profile: { id, user_id: admin.id, first_name: 'james', last_name: 'bond', gender: 'man', date_of_birth: '1990-01-01', info: 'Licensed', avatar: '' },
      });
    });

    it('shows the profile exactly as the profile routes do, the avatar as its URL rather than its storage key', async () => {
      const someone = await insertUser(t);
      await db.query(`INSERT INTO user_profiles (user_id, first_name, avatar) VALUES ($1, 'Ann', $2)`, [
        someone.id,
        `avatars/user_${someone.id}_0123456789abcdef0123456789abcdef.png`,
      ]);
      const session = await login(t, someone.email, someone.password);

      const profile = await get(t, `/profiles/users/${someone.id}/`, bearer(session.access));
      expect(profile.statusCode).toBe(200);
      expect(profile.json().avatar).toMatch(new RegExp(`/avatars/user_${someone.id}_0123456789abcdef0123456789abcdef\\.png$`));
      expect((await me(session.access)).json().profile).toEqual(profile.json());
    });

    it('needs authentication', async () => {
      expect(answer(await get(t, '/accounts/me/'))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    });
  });
});

describe('sessions with REFRESH_TOKEN_ROTATION=true', () => {
  let t: TestApp;
  let db: DataSource;
  let user: TestUser;

  const refresh = (refreshToken: string) => post(t, '/accounts/refresh/', { refresh_token: refreshToken });

  beforeAll(async () => {
    t = await createTestApp({ env: { REFRESH_TOKEN_ROTATION: 'true' } });
    db = t.app.get(DataSource);
    user = await insertUser(t);
  });
  afterAll(() => t.close());

  it('returns a new refresh token of the same family and revokes the presented one', async () => {
    const session = await login(t, user.email, user.password);

    const res = await refresh(session.refresh);

    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json())).toEqual(['access_token', 'refresh_token', 'token_type']);
    const next = res.json().refresh_token as string;
    expect(next).not.toBe(session.refresh);
    const [old, fresh] = [await refreshRow(db, session.refresh), await refreshRow(db, next)];
    expect(old!.revoked_at).toBeInstanceOf(Date);
    expect(fresh).toMatchObject({ user_id: user.id, family_id: old!.family_id, revoked_at: null });
    expect((await refresh(next)).statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated-out token comes back, and only that family', async () => {
    const stolen = await login(t, user.email, user.password);
    const otherDevice = await login(t, user.email, user.password);
    const next = (await refresh(stolen.refresh)).json().refresh_token as string;

    expect(answer(await refresh(stolen.refresh))).toEqual(detail(401, ACCOUNTS_MESSAGES.refreshTokenRevoked));
    expect(answer(await refresh(next))).toEqual(detail(401, ACCOUNTS_MESSAGES.refreshTokenRevoked));
    expect((await refresh(otherDevice.refresh)).statusCode).toBe(200);
  });

  it('lets exactly one of several simultaneous rotations of one token succeed', async () => {
    const session = await login(t, user.email, user.password);

    const responses = await Promise.all([refresh(session.refresh), refresh(session.refresh), refresh(session.refresh)]);

    expect(responses.map((res) => res.statusCode).sort()).toEqual([200, 401, 401]);
    for (const res of responses.filter((r) => r.statusCode === 401)) expect(res.json()).toEqual({ detail: ACCOUNTS_MESSAGES.refreshTokenRevoked });
    // One new token: the original and its single successor. (A request that read the token only
    // after the rotation committed is a reuse, and the successor is revoked with its family.)
    const family = (await refreshRow(db, session.refresh))!.family_id;
    expect(await db.query('SELECT id FROM refresh_tokens WHERE family_id = $1', [family])).toHaveLength(2);
  });
});
