import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { TokenRevocationService } from '../../src/common/auth/token-revocation.service';
import type { AppConfig } from '../../src/core/config/app-config';
import { testConfig } from '../utils/app';
import { deleteRedisKeys } from '../utils/redis';

describe('TokenRevocationService (real Redis)', () => {
  let redis: Redis;
  let config: AppConfig;
  let sut: TokenRevocationService;
  const inAnHour = () => Date.now() / 1000 + 3600;

  beforeAll(() => {
    config = { ...testConfig('postgres://unused@127.0.0.1/unused'), redisPrefix: `test-${randomBytes(4).toString('hex')}` };
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
    sut = new TokenRevocationService(redis, config);
  });
  afterAll(async () => {
    await deleteRedisKeys(config.redisUrl, config.redisPrefix);
    await redis.quit();
  });

  it('reports a denylisted token revoked, by either check, and no other token', async () => {
    const issuedAt = Date.now() / 1000;
    await sut.revoke('token-a', inAnHour());

    expect(await sut.isRevoked('token-a')).toBe(true);
    expect(await sut.isAccessTokenRevoked('token-a', 1, issuedAt)).toBe(true);
    expect(await sut.isRevoked('token-b')).toBe(false);
    expect(await sut.isAccessTokenRevoked('token-b', 1, issuedAt)).toBe(false);
  });

  it("revokes every token of a user issued up to the revocation's millisecond, and none issued after or of another user", async () => {
    const before = Date.now() / 1000;
    await sut.revokeAllForUser(2);
    const revokedAtMs = Number(await redis.get(`${config.redisPrefix}:revoked-before:2`));
    const after = Date.now() / 1000;

    expect(await sut.isAccessTokenRevoked('token-c', 2, before)).toBe(true);
    // Issued in the very millisecond of the revocation (fractional seconds, rounded to ms): covered.
    expect(await sut.isAccessTokenRevoked('token-c', 2, (revokedAtMs + 0.4) / 1000)).toBe(true);
    expect(await sut.isAccessTokenRevoked('token-c', 2, (revokedAtMs + 1) / 1000)).toBe(false);
    expect(await sut.isAccessTokenRevoked('token-c', 2, after)).toBe(false);
    expect(await sut.isAccessTokenRevoked('token-c', 3, before)).toBe(false);
  });
});
