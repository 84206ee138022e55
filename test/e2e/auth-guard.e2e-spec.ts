import { Controller, Get } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../../src/common/auth/access-token.service';
import { Auth, Public } from '../../src/common/auth/auth.decorators';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import type { AuthenticatedUser } from '../../src/common/auth/authenticated-user';
import { CurrentUser } from '../../src/common/auth/current-user.decorator';
import { JwtCodec } from '../../src/common/auth/jwt-codec';
import { TokenRevocationService } from '../../src/common/auth/token-revocation.service';
import { REDIS } from '../../src/core/redis/redis.module';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, bearer, insertUser, type TestUser } from '../utils/auth';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy';

@Controller('auth-probe')
class AuthProbeController {
  @Public()
  @Get('public')
  open(): { ok: true } {
    return { ok: true };
  }

  @Auth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }

  @Auth(UserGroupName.Admin)
  @Get('admin')
  admin(): { ok: true } {
    return { ok: true };
  }

  @Auth(UserGroupName.Moderator)
  @Get('moderator')
  moderator(): { ok: true } {
    return { ok: true };
  }
}

describe('global auth guard', () => {
  let t: TestApp;
  let user: TestUser;
  let moderator: TestUser;
  let admin: TestUser;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const expectDetail = (res: Awaited<ReturnType<typeof get>>, status: number, detail: string) => {
    expect({ status: res.statusCode, body: res.json() }).toEqual({ status, body: { detail } });
  };
  const setActive = (id: number, active: boolean) => t.app.get(DataSource).query('UPDATE users SET is_active = $1 WHERE id = $2', [active, id]);

  beforeAll(async () => {
    t = await createTestApp({ controllers: [AuthProbeController] });
    user = await insertUser(t, { email: 'Plain.User@Example.com' });
    moderator = await insertUser(t, { group: UserGroupName.Moderator });
    admin = await insertUser(t, { group: UserGroupName.Admin });
  });
  afterAll(() => t.close());

  describe('header parsing', () => {
    it('answers 401 without an Authorization header, with no WWW-Authenticate header', async () => {
      const res = await get('/auth-probe/me/');
      expectDetail(res, 401, AUTH_MESSAGES.headerMissing);
      expect(res.headers['www-authenticate']).toBeUndefined();
    });

    it.each(['Basic abc', 'Token xyz', 'Bearer', 'Bearerxyz'])('answers 401 for the header %j', async (header) => {
      expectDetail(await get('/auth-probe/me/', { authorization: header }), 401, AUTH_MESSAGES.headerFormat);
    });

    it('accepts the scheme in any case', async () => {
      const res = await get('/auth-probe/me/', { authorization: `bEaReR ${accessTokenFor(t, user.id)}` });
      expect(res.statusCode).toBe(200);
    });

    it('treats a token containing spaces as an invalid token', async () => {
      expectDetail(await get('/auth-probe/me/', { authorization: 'Bearer abc def' }), 401, AUTH_MESSAGES.tokenInvalid);
    });
  });

  describe('token checks', () => {
    it('gives the route the loaded user', async () => {
      const res = await get('/auth-probe/me', bearer(accessTokenFor(t, user.id)));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: user.id, email: user.email, isActive: true, groupId: 2, group: 'USER' });
    });

    it('mints distinct tokens within one second', () => {
      expect(accessTokenFor(t, user.id)).not.toBe(accessTokenFor(t, user.id));
    });

    it('refuses an expired token', async () => {
      const expired = new JwtCodec('access', t.config.jwt.accessSecret, 60).sign(user.id, -5).token;
      expectDetail(await get('/auth-probe/me', bearer(expired)), 401, AUTH_MESSAGES.tokenExpired);
    });

    it('refuses a malformed token, a token signed with another secret and a refresh token', async () => {
      const otherSecret = new JwtCodec('access', 'another-secret-0123456789abcdef0123', 60).sign(user.id).token;
      const refresh = new JwtCodec('refresh', t.config.jwt.refreshSecret, 60).sign(user.id).token;
      const refreshTypeWithAccessSecret = new JwtCodec('refresh', t.config.jwt.accessSecret, 60).sign(user.id).token;
      for (const token of ['not-a-jwt', otherSecret, refresh, refreshTypeWithAccessSecret]) {
        expectDetail(await get('/auth-probe/me', bearer(token)), 401, AUTH_MESSAGES.tokenInvalid);
      }
    });

    it('refuses a token signed with another algorithm, even with the right secret', async () => {
      const claims = { user_id: user.id, type: 'access', jti: 'x', iat: Math.floor(Date.now() / 1000) };
      const hs512 = new JwtService({ secret: t.config.jwt.accessSecret }).sign(claims, { algorithm: 'HS512', expiresIn: 60 });
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...claims, exp: claims.iat + 60 }),
      ).toString('base64url')}.`;
      for (const token of [hs512, unsigned]) {
        expectDetail(await get('/auth-probe/me', bearer(token)), 401, AUTH_MESSAGES.tokenInvalid);
      }
    });

    it('refuses a genuine token without user_id', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = new JwtService({ secret: t.config.jwt.accessSecret }).sign({ type: 'access', jti: 'x', iat: now, exp: now + 60 });
      expectDetail(await get('/auth-probe/me', bearer(token)), 401, AUTH_MESSAGES.tokenPayloadInvalid);
    });

    it('answers 404 for a token of a user that does not exist', async () => {
      expectDetail(await get('/auth-probe/me', bearer(accessTokenFor(t, 987_654))), 404, AUTH_MESSAGES.userNotFound);
    });

    it('answers 403 for an inactive user, even on a route of a group the user lacks', async () => {
      const inactive = await insertUser(t, { isActive: false });
      const token = accessTokenFor(t, inactive.id);
      expectDetail(await get('/auth-probe/me', bearer(token)), 403, AUTH_MESSAGES.userInactive);
      expectDetail(await get('/auth-probe/admin', bearer(token)), 403, AUTH_MESSAGES.userInactive);
    });

    it('refuses a user deactivated after login at once, and takes them back when reactivated', async () => {
      const someone = await insertUser(t);
      const token = accessTokenFor(t, someone.id);
      expect((await get('/auth-probe/me', bearer(token))).statusCode).toBe(200);
      await setActive(someone.id, false);
      expectDetail(await get('/auth-probe/me', bearer(token)), 403, AUTH_MESSAGES.userInactive);
      await setActive(someone.id, true);
      expect((await get('/auth-probe/me', bearer(token))).statusCode).toBe(200);
    });
  });

  describe('revocation', () => {
    it('refuses a revoked token, before checking anything else, and keeps it only for its lifetime', async () => {
      const issued = t.app.get(AccessTokenService).sign(user.id);
      const other = accessTokenFor(t, user.id);
      await t.app.get(TokenRevocationService).revoke(issued.token, issued.claims.expiresAt);

      expectDetail(await get('/auth-probe/me', bearer(issued.token)), 401, AUTH_MESSAGES.tokenRevoked);
      expect((await get('/auth-probe/me', bearer(other))).statusCode).toBe(200);

      const key = `${t.config.redisPrefix}:denylist:${createHash('sha256').update(issued.token).digest('hex')}`;
      const ttl = await t.app.get<Redis>(REDIS).ttl(key);
      expect(ttl).toBeGreaterThan(t.config.jwt.accessTtl - 5);
      expect(ttl).toBeLessThanOrEqual(t.config.jwt.accessTtl);
    });

    it('checks the denylist first: a revoked token of a deleted user is 401, not 404', async () => {
      const gone = await insertUser(t);
      const issued = t.app.get(AccessTokenService).sign(gone.id);
      await t.app.get(TokenRevocationService).revoke(issued.token, issued.claims.expiresAt);
      await t.app.get(DataSource).query('DELETE FROM users WHERE id = $1', [gone.id]);
      expectDetail(await get('/auth-probe/me', bearer(issued.token)), 401, AUTH_MESSAGES.tokenRevoked);
    });

    it("revokes all of a user's earlier tokens at once, not later ones nor other users'", async () => {
      const victim = await insertUser(t);
      const earlier = [accessTokenFor(t, victim.id), accessTokenFor(t, victim.id)];
      const otherUsers = accessTokenFor(t, user.id);
      await t.app.get(TokenRevocationService).revokeAllForUser(victim.id);
      const later = accessTokenFor(t, victim.id);

      for (const token of earlier) expectDetail(await get('/auth-probe/me', bearer(token)), 401, AUTH_MESSAGES.tokenRevoked);
      expect((await get('/auth-probe/me', bearer(later))).statusCode).toBe(200);
      expect((await get('/auth-probe/me', bearer(otherUsers))).statusCode).toBe(200);
    });
  });

  describe('groups', () => {
    it.each([
      ['user', 'admin', 403, AUTH_MESSAGES.adminRequired],
      ['user', 'moderator', 403, AUTH_MESSAGES.moderatorRequired],
      ['moderator', 'admin', 403, AUTH_MESSAGES.adminRequired],
      ['moderator', 'moderator', 200, null],
      ['admin', 'moderator', 200, null],
      ['admin', 'admin', 200, null],
      ['moderator', 'me', 200, null],
    ] as const)('%s on the %s route: %i', async (who, route, status, detail) => {
      const caller = { user, moderator, admin }[who];
      const res = await get(`/auth-probe/${route}`, bearer(accessTokenFor(t, caller.id)));
      if (detail) expectDetail(res, status, detail);
      else expect(res.statusCode).toBe(status);
    });

    it('sees a group change at once', async () => {
      const promoted = await insertUser(t);
      const token = accessTokenFor(t, promoted.id);
      expect((await get('/auth-probe/admin', bearer(token))).statusCode).toBe(403);
      await t.app.get(DataSource).query('UPDATE users SET group_id = 1 WHERE id = $1', [promoted.id]);
      expect((await get('/auth-probe/admin', bearer(token))).statusCode).toBe(200);
    });
  });

  it('lets anyone through a @Public() route, whatever the header', async () => {
    expect((await get('/auth-probe/public')).statusCode).toBe(200);
    expect((await get('/auth-probe/public', { authorization: 'Bearer garbage' })).statusCode).toBe(200);
  });
});

describe('global auth guard while Redis is unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let token: string;

  const me = () => t.app.inject({ method: 'GET', url: '/auth-probe/me', headers: bearer(token) });
  async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    t = await createTestApp({ controllers: [AuthProbeController], env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
    token = accessTokenFor(t, (await insertUser(t)).id);
    await eventually(async () => (await me()).statusCode === 200);
  });
  afterAll(async () => {
    proxy.restore();
    await t.close();
    await proxy.close();
  });

  it('answers 503 on authenticated routes, 200 on public ones, and recovers by itself', async () => {
    proxy.cut();

    const refused = await me();
    expect({ status: refused.statusCode, body: refused.json() }).toEqual({
      status: 503,
      body: { detail: AUTH_MESSAGES.serviceUnavailable },
    });
    expect((await t.app.inject({ method: 'GET', url: '/auth-probe/public' })).statusCode).toBe(200);

    proxy.restore();
    await eventually(async () => (await me()).statusCode === 200);
  });
});
