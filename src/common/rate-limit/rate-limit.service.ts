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

  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const key = `${this.config.redisPrefix}:rate:${rule.name}:${subject}`;
    try {
      const [count, ttlMs] = (await this.redis.eval(HIT_SCRIPT, 1, key, String(rule.windowSeconds * 1000))) as [number, number];
      return { allowed: count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
    } catch (error) {
      this.logger.warn(`rate limit ${rule.name} not checked: ${(error as Error).message}`);
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }
}
