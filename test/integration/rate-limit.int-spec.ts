import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimitService } from '../../src/common/rate-limit/rate-limit.service';
import type { RateLimitRule } from '../../src/common/rate-limit/rate-limit.rules';
import type { AppConfig } from '../../src/core/config/app-config';
import { testConfig } from '../utils/app';

describe('RateLimitService (real Redis)', () => {
  const rule: RateLimitRule = { name: 'spec', limit: 3, windowSeconds: 60, by: 'ip' };
  let redis: Redis;
  let config: AppConfig;
  let sut: RateLimitService;

  beforeAll(() => {
    config = { ...testConfig('postgres://unused@127.0.0.1/unused'), redisPrefix: `test-${randomBytes(4).toString('hex')}` };
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
    sut = new RateLimitService(redis, config);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${config.redisPrefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('allows `limit` hits per window and refuses the next with the time left', async () => {
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await sut.hit(rule, '10.0.0.1'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3].retryAfterSeconds).toBeGreaterThan(55);
    expect(decisions[3].retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('counts each subject and each rule separately', async () => {
    for (let i = 0; i < 3; i++) await sut.hit(rule, '10.0.0.2');
    expect((await sut.hit(rule, '10.0.0.3')).allowed).toBe(true);
    expect((await sut.hit({ ...rule, name: 'other' }, '10.0.0.2')).allowed).toBe(true);
    expect((await sut.hit(rule, '10.0.0.2')).allowed).toBe(false);
  });

  it('holds across clients, as across API replicas', async () => {
    const client = new Redis(config.redisUrl);
    const second = new RateLimitService(client, config);
    await sut.hit(rule, '10.0.0.4');
    await second.hit(rule, '10.0.0.4');
    await sut.hit(rule, '10.0.0.4');
    expect((await second.hit(rule, '10.0.0.4')).allowed).toBe(false);
    await client.quit();
  });

  it('opens a new window once the old one has expired', async () => {
    const short: RateLimitRule = { ...rule, name: 'short', limit: 1, windowSeconds: 1 };
    expect((await sut.hit(short, '10.0.0.5')).allowed).toBe(true);
    expect((await sut.hit(short, '10.0.0.5')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await sut.hit(short, '10.0.0.5')).allowed).toBe(true);
  });

  it('takes back a refunded hit, never below zero, within the same window', async () => {
    await sut.refund(rule, '10.0.0.7');
    for (let i = 0; i < rule.limit; i++) await sut.hit(rule, '10.0.0.7');
    const refused = await sut.hit(rule, '10.0.0.7');
    expect(refused.allowed).toBe(false);

    await sut.refund(rule, '10.0.0.7');
    await sut.refund(rule, '10.0.0.7');
    const again = await sut.hit(rule, '10.0.0.7');
    expect(again.allowed).toBe(true);
    expect(again.retryAfterSeconds).toBeLessThanOrEqual(refused.retryAfterSeconds);
    expect((await sut.hit(rule, '10.0.0.7')).allowed).toBe(false);
  });

  it('lets requests through when Redis cannot answer', async () => {
    const down = new Redis('redis://127.0.0.1:1', { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    const blind = new RateLimitService(down, config);
    for (let i = 0; i < 5; i++) expect((await blind.hit(rule, '10.0.0.6')).allowed).toBe(true);
    await expect(blind.refund(rule, '10.0.0.6')).resolves.toBeUndefined();
    down.disconnect();
  });
});
