import type { RedisOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/**
 * Connection options for BullMQ. BullMQ opens its own ioredis connections from these (the shared
 * `@InjectRedis()` client fails fast by design, which a blocking worker connection must not).
 *
 * - `worker`: processors wait out a Redis outage and resume (`maxRetriesPerRequest: null`, as
 *   BullMQ requires for its blocking connections).
 * - `producer`: adds fail fast while Redis is away, so the outbox relay sees the error, keeps its
 *   rows and retries later instead of piling commands up in memory.
 */
export function bullConnection(config: AppConfig, role: 'worker' | 'producer'): RedisOptions {
  const reconnect = (attempt: number): number => Math.min(attempt * 200, 2000);
  return role === 'worker'
    ? { url: config.redisUrl, maxRetriesPerRequest: null, retryStrategy: reconnect }
    : { url: config.redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: reconnect };
}
