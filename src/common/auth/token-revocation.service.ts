import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { InjectRedis } from '../../core/redis/redis.module';
import { withTimeout } from '../../core/redis/with-timeout';
import { AUTH_MESSAGES } from './auth.messages';

/** Longest wait for Redis on a request's path; a healthy local Redis answers in well under 1 ms. */
const REDIS_TIMEOUT_MS = 1000;

/**
 * Revoked access tokens, kept in Redis (CONTRACT.md B8):
 * - one token: `<prefix>:denylist:<sha256 hex of the token>`, kept for the token's remaining
 *   lifetime (a digest, so the store never holds usable tokens);
 * - all of a user's tokens: `<prefix>:revoked-before:<userId>` holds the moment of revocation in
 *   Unix milliseconds; tokens issued at or before it are refused. It is kept for one access-token
 *   lifetime, after which every token it covers has expired anyway.
 *
 * When Redis cannot answer within a second, every method throws 503 `Service temporarily
 * unavailable.` (CONTRACT.md B25): an unverifiable revocation must never let a token through, nor
 * turn into a 500.
 */
@Injectable()
export class TokenRevocationService {
  private readonly logger = new Logger(TokenRevocationService.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Denylists one token until `expiresAtUnix` (seconds); an already expired token needs nothing. */
  async revoke(token: string, expiresAtUnix: number): Promise<void> {
    const ttlSeconds = Math.ceil(expiresAtUnix - Date.now() / 1000);
    if (ttlSeconds <= 0) return;
    await this.call(() => this.redis.set(this.denylistKey(token), '1', 'EX', ttlSeconds));
  }

  async isRevoked(token: string): Promise<boolean> {
    return (await this.call(() => this.redis.exists(this.denylistKey(token)))) === 1;
  }

  /**
   * Revokes every access token of the user issued up to now (password change and reset). Returns
   * once the clock has passed the revocation's millisecond, so a token issued afterwards (a login
   * with the new password) is never mistaken for one it covers.
   */
  async revokeAllForUser(userId: number): Promise<void> {
    const revokedAtMs = Date.now();
    const key = this.revokedBeforeKey(userId);
    await this.call(() => this.redis.set(key, String(revokedAtMs), 'EX', this.config.jwt.accessTtl));
    const wait = revokedAtMs + 1 - Date.now();
    if (wait > 0) await sleep(wait);
  }

  /**
   * Both checks of a verified access token in one round trip: the token is denylisted, or
   * `revokeAllForUser` ran at or after `issuedAtUnix` (seconds, fractional).
   */
  async isAccessTokenRevoked(token: string, userId: number, issuedAtUnix: number): Promise<boolean> {
    const [denylisted, revokedBeforeMs] = await this.call(() => this.redis.mget(this.denylistKey(token), this.revokedBeforeKey(userId)));
    return denylisted !== null || (revokedBeforeMs !== null && Math.round(issuedAtUnix * 1000) <= Number(revokedBeforeMs));
  }

  private denylistKey(token: string): string {
    return `${this.config.redisPrefix}:denylist:${createHash('sha256').update(token).digest('hex')}`;
  }

  private revokedBeforeKey(userId: number): string {
    return `${this.config.redisPrefix}:revoked-before:${userId}`;
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(command(), REDIS_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`Token revocation store (Redis) unavailable: ${(error as Error).message}`);
      throw new ServiceUnavailableException(AUTH_MESSAGES.serviceUnavailable);
    }
  }
}
