import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { InjectRedis } from '../../core/redis/redis.module';
import { HEALTH_MESSAGES } from './health.messages';

export type CheckStatus = 'ok' | 'unavailable';

export interface Readiness {
  status: 'ok';
  checks: { database: CheckStatus; redis: CheckStatus };
}

/** A dependency that does not answer within this time counts as down. */
const CHECK_TIMEOUT_MS = 1000;

@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /**
   * Checks PostgreSQL (`SELECT 1`) and Redis (`PING`) in parallel, each with a short timeout.
   * Why a check failed is logged, never sent: the route is public.
   *
   * @throws ServiceUnavailableException 503 with the `detail` and the state of every check.
   */
  async readiness(): Promise<Readiness> {
    const [database, redis] = await Promise.all([
      this.probe('database', () => this.dataSource.query('SELECT 1')),
      this.probe('redis', () => this.redis.ping()),
    ]);
    const checks = { database, redis };
    if (database !== 'ok' || redis !== 'ok') {
      throw new ServiceUnavailableException({ detail: HEALTH_MESSAGES.notReady, checks });
    }
    return { status: 'ok', checks };
  }

  private async probe(name: string, check: () => Promise<unknown>): Promise<CheckStatus> {
    try {
      await withTimeout(check(), CHECK_TIMEOUT_MS);
      return 'ok';
    } catch (error) {
      this.logger.warn(`Readiness check "${name}" failed: ${(error as Error).message}`);
      return 'unavailable';
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
