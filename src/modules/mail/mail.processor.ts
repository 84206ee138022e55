import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { scrubJobSecrets } from '../../core/queues/job-secrets';
import { type MailJob, QueueName } from '../../core/queues/queues';
import { MailDeliveries } from './mail-deliveries';
import { MailRenderer } from './mail-renderer';
import { MailTransport } from './mail-transport';

/**
 * Worker only: renders and sends each mail job. BullMQ retries failures with backoff; the
 * Message-ID is derived from the job id (itself derived from the outbox row), so even a resend
 * is recognisable as the same message, and a job that was already sent is not sent again.
 */
@Processor(QueueName.Mail)
export class MailProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly renderer: MailRenderer,
    private readonly transport: MailTransport,
    private readonly deliveries: MailDeliveries,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.mailConcurrency;
  }

  /** Finishes the mails in flight before the connections they need are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job<MailJob>): Promise<'sent' | 'already sent'> {
    const jobId = job.id as string;
    if (await this.deliveries.wasSent(jobId)) {
      await scrubJobSecrets(job, this.logger);
      return 'already sent';
    }
    const mail = this.renderer.render(job.data);
    try {
      await this.transport.send(mail, `<${jobId}@${this.transport.senderDomain()}>`);
    } catch (error) {
      if (isRejectedRecipient(error)) throw new UnrecoverableError(`Recipient rejected: ${(error as Error).message}`);
      throw error;
    }
    await this.deliveries.markSent(jobId);
    this.logger.log(`Sent "${mail.subject}" (job ${jobId})`);
    // The link is in the recipient's hands: the job kept in Redis needs no token any more.
    await scrubJobSecrets(job, this.logger);
    return 'sent';
  }

  /** Connection trouble (Redis away): BullMQ reconnects by itself. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Mail queue worker: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<MailJob> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    const message = `Mail job ${job.id} (${job.data.template}) failed on attempt ${job.attemptsMade}: ${error.message}`;
    if (!final) {
      this.logger.warn(`${message}; will retry`);
      return;
    }
    this.logger.error(`${message}; giving up`);
    await scrubJobSecrets(job, this.logger);
  }
}

/** A permanent (5xx) refusal of the address: retrying cannot help. */
function isRejectedRecipient(error: unknown): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500;
}
