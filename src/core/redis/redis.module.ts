import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const REDIS = Symbol('REDIS');

/** Injects the shared ioredis client used for revocation, rate limits and health checks. */
export const InjectRedis = (): ParameterDecorator => Inject(REDIS);

const CONNECT_WAIT_MS = 3000;

/** Logs an outage once when it starts and once when it ends, instead of once per retry. */
function watchConnection(redis: Redis): void {
  const logger = new Logger('Redis');
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis unavailable: ${error.message}`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log('Redis available again');
  });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis => {
        const redis = new Redis(config.redisUrl, {
          // Fail fast instead of queueing commands while Redis is away: callers turn the error
          // into a 503 (or carry on without Redis) and the client reconnects by itself.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          commandTimeout: 2000,
          lazyConnect: false,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        });
        watchConnection(redis);
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Gives the first connection a moment before the process takes traffic, so a fresh process
   * does not answer 503 while Redis is merely still connecting. A Redis that stays away does not
   * stop the boot: public routes work without it and the client keeps reconnecting.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      this.redis.once('ready', done);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    // QUIT waits for the server; with no connection there is nobody to say goodbye to.
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
