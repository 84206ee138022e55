import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { ACCOUNTS_MESSAGES } from '../../src/modules/accounts/accounts.messages';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, get, post, queuedMails, queuedToken } from '../utils/accounts';
import { accessTokenFor, bearer, insertUser, type TestUser } from '../utils/auth';

describe('user administration', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: TestUser;
  let adminAuth: { authorization: string };

  const activate = (body: unknown, headers = adminAuth) => post(t, '/admin/accounts/activate/', body, headers);
  const changeGroup = (body: unknown, headers = adminAuth) => post(t, '/admin/accounts/change-group/', body, headers);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    admin = await insertUser(t, { group: UserGroupName.Admin });
    adminAuth = bearer(accessTokenFor(t, admin.id));
  });
  afterAll(() => t.close());

  const noAtSign = 'An email address must have an @-sign.';
  it.each([
    ['/admin/accounts/activate/', {}, [{ type: 'missing', loc: ['body', 'email'], msg: 'Field required', input: {} }]],
    [
      '/admin/accounts/change-group/',
      { email: 'x' },
      [
        { type: 'value_error', loc: ['body', 'email'], msg: `value is not a valid email address: ${noAtSign}`, input: 'x', ctx: { reason: noAtSign } },
        { type: 'missing', loc: ['body', 'group_id'], msg: 'Field required', input: { email: 'x' } },
      ],
    ],
  ])('%s is for admins only, checked before the body', async (url, body, issues) => {
    const user = await insertUser(t);
    const moderator = await insertUser(t, { group: UserGroupName.Moderator });

    expect(answer(await post(t, url, body))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    for (const caller of [user, moderator]) {
      expect(answer(await post(t, url, body, bearer(accessTokenFor(t, caller.id))))).toEqual(detail(403, AUTH_MESSAGES.adminRequired));
    }
    const invalid = await post(t, url, body, adminAuth);
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toEqual({ detail: issues });
  });

  describe('POST /admin/accounts/activate/', () => {
    it('activates an account and drops its activation token, without e-mail', async () => {
      await post(t, '/accounts/register/', { email: 'Waiting@example.com', password: 'Str0ng!Pass' });
      const token = await queuedToken(t, 'activation', 'Waiting@example.com');

      expect(answer(await activate({ email: 'waiting@EXAMPLE.com' }))).toEqual({
        status: 200,
        body: { message: ACCOUNTS_MESSAGES.adminActivated },
      });

      const [user] = await db.query(`SELECT id, is_active FROM users WHERE email = 'Waiting@example.com'`);
      expect(user.is_active).toBe(true);
      expect(await db.query('SELECT id FROM activation_tokens WHERE user_id = $1', [user.id])).toEqual([]);
      expect(await queuedMails(t, 'Waiting@example.com')).toEqual([{ template: 'activation', to: 'Waiting@example.com' }]);
      expect((await get(t, `/accounts/activate/?email=Waiting%40example.com&token=${token}`)).statusCode).toBe(400);
    });

    it('answers 200 for an active account and 404 for an unknown address', async () => {
      const active = await insertUser(t);

      expect(answer(await activate({ email: active.email }))).toEqual({ status: 200, body: { message: ACCOUNTS_MESSAGES.adminAlreadyActive } });
      expect(answer(await activate({ email: 'Nobody@Example.com' }))).toEqual(
        detail(404, ACCOUNTS_MESSAGES.userWithEmailNotFound('Nobody@example.com')),
      );
    });
  });

  describe('POST /admin/accounts/change-group/', () => {
    it('changes the group, effective on the next request', async () => {
      const user = await insertUser(t);
      const userAuth = bearer(accessTokenFor(t, user.id));

      expect(answer(await changeGroup({ email: user.email.toUpperCase(), group_id: 3 }))).toEqual({
        status: 200,
        body: { message: ACCOUNTS_MESSAGES.groupChanged(3) },
      });
      expect((await get(t, '/accounts/me/', userAuth)).json().group).toBe('moderator');
      expect(answer(await changeGroup({ email: user.email, group_id: '3' }))).toEqual({
        status: 200,
        body: { message: ACCOUNTS_MESSAGES.alreadyInGroup(3) },
      });

      expect((await changeGroup({ email: user.email, group_id: 1 })).statusCode).toBe(200);
      expect((await post(t, '/admin/accounts/activate/', { email: admin.email }, userAuth)).statusCode).toBe(200);
    });

    it('refuses the admin\'s own account before looking at the group, then an unknown group', async () => {
      const user = await insertUser(t);

      expect(answer(await changeGroup({ email: admin.email, group_id: 2 }))).toEqual(detail(403, ACCOUNTS_MESSAGES.ownGroup));
      expect(answer(await changeGroup({ email: admin.email, group_id: 10 }))).toEqual(detail(403, ACCOUNTS_MESSAGES.ownGroup));
      expect(answer(await changeGroup({ email: user.email, group_id: 10 }))).toEqual(detail(400, ACCOUNTS_MESSAGES.invalidGroup));
      expect(answer(await changeGroup({ email: 'ghost@example.com', group_id: 10 }))).toEqual(
        detail(404, ACCOUNTS_MESSAGES.userWithEmailNotFound('ghost@example.com')),
      );
    });

    it('answers 422 for a group id that is not an integer', async () => {
      expect(answer(await changeGroup({ email: admin.email, group_id: 'abc' }))).toEqual({
        status: 422,
        body: {
          detail: [
            { type: 'int_parsing', loc: ['body', 'group_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' },
          ],
        },
      });
    });
  });
});
