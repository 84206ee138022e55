import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { scrubJobSecrets } from '../../core/queues/job-secrets';
import { JobName, type PasswordResetRequestJob, QueueName } from '../../core/queues/queues';
import { PasswordResetIssuer, type ResetIssueOutcome } from './password-reset-issuer';

/** Worker only: handles the password-reset requests the API wrote to the outbox. */
@Processor(QueueName.Accounts)
export class PasswordResetProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordResetProcessor.name);

  constructor(private readonly issuer: PasswordResetIssuer) {
    super();
  }

  /** Lets the job in progress finish before the database connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  async process(job: Job<PasswordResetRequestJob>): Promise<ResetIssueOutcome> {
    if (job.name !== JobName.IssuePasswordReset) throw new UnrecoverableError(`Unknown accounts job "${job.name}"`);
    const outcome = await this.issuer.issue(job.data);
    // Issued (its digest stored, its mail in the outbox) or refused: the token is not needed again.
    await scrubJobSecrets(job, this.logger);
    return outcome;
  }

  /** Connection trouble (Redis away): BullMQ reconnects by itself. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Accounts queue worker: ${error.message}`);
  }

  /** Never logs the job's data: it holds the reset token and the address. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    this.logger.warn(`Password-reset job ${job.id} failed on attempt ${job.attemptsMade}: ${error.message}`);
    if (job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError) await scrubJobSecrets(job, this.logger);
  }
}
