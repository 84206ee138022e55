import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { InjectRedis } from '../../core/redis/redis.module';
import type { RateLimitRule } from './rate-limit.rules';

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window of the rule that refused the request ends. */
  retryAfterSeconds: number;
}

/**
 * Counts a hit and returns the count and the window's remaining milliseconds in one round trip;
 * the expiry is set only by the hit that opens the window, so windows are fixed.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

/** Takes back one hit, if the window still holds any. */
const REFUND_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return {count, 0}
`;

/**
 * Fixed-window rate limits kept in Redis, so they hold across API replicas. When Redis cannot
 * answer, requests are let through (and a warning is logged): a limiter outage must not take the
 * public routes down with it.
 */
@Injectable()
export class RateLimitService {
  private readonly logger = new Logger(RateLimitService.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.rateLimitEnabled;
  }

  /** Counts a request of `subject` and says whether the rule lets it through. */
  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const [count, ttlMs] = await this.run(rule, HIT_SCRIPT, subject, [String(rule.windowSeconds * 1000)]);
    return { allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }

  /**
   * Takes back a hit that turned out not to count: for checks that count only failures, yet must
   * count every attempt first, so that attempts sent all at once cannot outrun the limit
   * (`DocsAccess` refunds a right password, since a browser sends it with every page).
   */
  async refund(rule: RateLimitRule, subject: string): Promise<void> {
    await this.run(rule, REFUND_SCRIPT, subject, []);
  }

  private async run(rule: RateLimitRule, script: string, subject: string, args: string[]): Promise<[count: number, ttlMs: number]> {
    const key = `${this.config.redisPrefix}:rate:${rule.name}:${subject}`;
    try {
      return (await this.redis.eval(script, 1, key, ...args)) as [number, number];
    } catch (error) {
      this.logger.warn(`rate limit ${rule.name} not checked: ${(error as Error).message}`);
      return [0, 0];
    }
  }
}
