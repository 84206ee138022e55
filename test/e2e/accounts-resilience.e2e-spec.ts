import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { RATE_LIMIT_MESSAGE, RATE_LIMITS } from '../../src/common/rate-limit/rate-limit.rules';
import { newSecretToken, tokenDigest } from '../../src/modules/accounts/secret-token';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, eventually, get, login, post } from '../utils/accounts';
import { accessTokenFor, bearer, insertUser, type TestUser } from '../utils/auth';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy';

describe('rate limits on the accounts routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_ENABLED: 'true' } });
  });
  afterAll(() => t.close());

  it('stops a password-guessing run on one account with 429 and Retry-After, even for the right password', async () => {
    const victim = await insertUser(t);
    const bystander = await insertUser(t);
    const { limit, windowSeconds } = RATE_LIMITS.loginPerAccount;

    for (let attempt = 0; attempt < limit; attempt += 1) {
      const guess = await post(t, '/accounts/login/', { email: victim.email, password: `Guess!${attempt}Aa` });
      expect(guess.statusCode).toBe(401);
    }
    for (const password of ['Guess!99Aa', victim.password]) {
      const refused = await post(t, '/accounts/login/', { email: victim.email.toUpperCase(), password });
      expect(answer(refused)).toEqual(detail(429, RATE_LIMIT_MESSAGE));
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(windowSeconds - 60);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(windowSeconds);
    }
    await login(t, bystander.email, bystander.password);
  });

  it('counts every spelling of one address against that account: case, spaces, display name, Unicode forms, IDNA', async () => {
    const spellings = [
      'josé@bücher.example',
      '  JOSÉ@BÜCHER.EXAMPLE  ',
      'José Bond <josé@bücher.example>',
      'jose\u0301@bücher.example',
      'josé@xn--bcher-kva.example',
    ];
    const statuses = [];
    for (let attempt = 0; attempt <= RATE_LIMITS.loginPerAccount.limit; attempt += 1) {
      const email = spellings[attempt % spellings.length];
      statuses.push((await post(t, '/accounts/login/', { email, password: `Guess!${attempt}Aa` })).statusCode);
    }
    expect(statuses).toEqual([...Array(RATE_LIMITS.loginPerAccount.limit).fill(401), 429]);
  });

  it('limits password-reset requests per account', async () => {
    const requests = [];
    for (let i = 0; i <= RATE_LIMITS.resetPerAccount.limit; i += 1) {
      requests.push((await post(t, '/accounts/reset-password/request/', { email: 'flooded@example.com' })).statusCode);
    }
    expect(requests).toEqual([...Array(RATE_LIMITS.resetPerAccount.limit).fill(200), 429]);
  });

  it('limits password-reset completions per address, whose 400 and 404 would otherwise tell accounts apart without end', async () => {
    const statuses = [];
    for (let i = 0; i <= RATE_LIMITS.resetCompletePerIp.limit; i += 1) {
      const guess = { email: `probe${i}@example.com`, password: 'Str0ng!Pass', token: 'guess' };
      statuses.push((await post(t, '/accounts/reset-password/complete/', guess)).statusCode);
    }
    expect(statuses).toEqual([...Array(RATE_LIMITS.resetCompletePerIp.limit).fill(400), 429]);
  });

  it('limits password changes per user, so that a stolen access token cannot be used to guess the password', async () => {
    const user = await insertUser(t);
    const other = await insertUser(t);
    const change = (who: TestUser, oldPassword: string) =>
      post(t, '/accounts/change-password/', { old_password: oldPassword, new_password: 'N3w!Passw0rd' }, bearer(accessTokenFor(t, who.id)));

    const statuses = [];
    for (let i = 0; i <= RATE_LIMITS.changePasswordPerUser.limit; i += 1) statuses.push((await change(user, `Guess!${i}Aa`)).statusCode);

    expect(statuses).toEqual([...Array(RATE_LIMITS.changePasswordPerUser.limit).fill(401), 429]);
    expect(answer(await change(user, user.password))).toEqual(detail(429, RATE_LIMIT_MESSAGE));
    expect((await change(other, other.password)).statusCode).toBe(200);
  });

  it('limits registrations per address', async () => {
    const statuses = [];
    for (let i = 0; i <= RATE_LIMITS.registerPerIp.limit; i += 1) {
      statuses.push((await post(t, '/accounts/register/', { email: `signup${i}@example.com`, password: 'Str0ng!Pass' })).statusCode);
    }
    expect(statuses).toEqual([...Array(RATE_LIMITS.registerPerIp.limit).fill(201), 429]);
  });
});

describe('accounts while Redis is unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    t = await createTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, RATE_LIMIT_ENABLED: 'true' } });
  });
  afterAll(async () => {
    proxy.restore();
    await t.close();
    await proxy.close();
  });

  it('answers 503 on authenticated routes, keeps the public ones working, and recovers by itself', async () => {
    const user = await insertUser(t);
    const session = await login(t, user.email, user.password);
    await eventually(async () => (await get(t, '/accounts/me/', bearer(session.access))).statusCode === 200);

    proxy.cut();

    expect(answer(await get(t, '/accounts/me/', bearer(session.access)))).toEqual(detail(503, AUTH_MESSAGES.serviceUnavailable));
    expect(answer(await post(t, '/accounts/logout/', { refresh_token: session.refresh }, bearer(session.access)))).toEqual(
      detail(503, AUTH_MESSAGES.serviceUnavailable),
    );
    // Public routes need no Redis (the rate limits let requests through while it is away).
    expect((await post(t, '/accounts/register/', { email: 'during-outage@example.com', password: 'Str0ng!Pass' })).statusCode).toBe(201);
    const during = await login(t, user.email, user.password);
    expect((await post(t, '/accounts/refresh/', { refresh_token: during.refresh })).statusCode).toBe(200);

    proxy.restore();
    await eventually(async () => (await get(t, '/accounts/me/', bearer(session.access))).statusCode === 200);
    expect((await post(t, '/accounts/logout/', { refresh_token: session.refresh }, bearer(session.access))).statusCode).toBe(200);
  });

  it('refuses a password reset it could not follow by ending the sessions (503), and keeps the link usable', async () => {
    const user = await insertUser(t);
    const session = await login(t, user.email, user.password);
    const token = newSecretToken();
    await t.app
      .get(DataSource)
      .query(`INSERT INTO password_reset_tokens (user_id, token, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [user.id, tokenDigest(token)]);
    const complete = () => post(t, '/accounts/reset-password/complete/', { email: user.email, password: 'New!Passw0rd', token });

    proxy.cut();
    expect(answer(await complete())).toEqual(detail(503, AUTH_MESSAGES.serviceUnavailable));
    proxy.restore();

    await login(t, user.email, user.password);
    await eventually(async () => (await get(t, '/accounts/me/', bearer(session.access))).statusCode === 200);
    expect((await complete()).statusCode).toBe(200);
    expect(answer(await get(t, '/accounts/me/', bearer(session.access)))).toEqual(detail(401, AUTH_MESSAGES.tokenRevoked));
  });
});
