import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { InjectRedis } from '../../core/redis/redis.module';

/** As long as the mail queue keeps completed jobs, the window in which a job can come back. */
const SENT_MARKER_TTL_SECONDS = 24 * 3600;

/**
 * Remembers which mail jobs the SMTP server has accepted, so that a job retried after a
 * successful send (a worker killed before BullMQ recorded the completion) is not sent twice.
 */
@Injectable()
export class MailDeliveries {
  private readonly logger = new Logger(MailDeliveries.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async wasSent(jobId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(jobId))) === 1;
  }

  /** Never throws: failing here after the mail went out must not trigger a resend. */
  async markSent(jobId: string): Promise<void> {
    try {
      await this.redis.set(this.key(jobId), new Date().toISOString(), 'EX', SENT_MARKER_TTL_SECONDS);
    } catch (error) {
      this.logger.warn(`Could not record mail job ${jobId} as sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private key(jobId: string): string {
    return `${this.config.redisPrefix}:mail-sent:${jobId}`;
  }
}
