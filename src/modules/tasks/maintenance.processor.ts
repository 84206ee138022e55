import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { type MaintenanceJobName, JobName, QueueName } from '../../core/queues/queues';
import { OrderExpiry } from '../orders/order-expiry';
import { RefundRetry } from '../payments/refund-retry';
import { MaintenanceRepository } from './maintenance.repository';
import { OutboxRetention } from './outbox-retention';
import { TokenCleanup } from './token-cleanup';

/** What a maintenance job did: a count per kind of row it deleted or changed. */
export type MaintenanceResult = Record<string, number>;

/**
 * Worker only: runs the scheduled maintenance jobs. Each runs under its own advisory lock, so a
 * job never overlaps itself even when a slow run meets the next slot's job on another replica;
 * the one that finds the lock taken skips (the running one is doing the work).
 */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private readonly tasks: Readonly<Record<MaintenanceJobName, (manager: EntityManager) => Promise<MaintenanceResult>>>;

  constructor(
    private readonly maintenance: MaintenanceRepository,
    tokens: TokenCleanup,
    outbox: OutboxRetention,
    orders: OrderExpiry,
    refunds: RefundRetry,
  ) {
    super();
    this.tasks = {
      [JobName.CleanupExpiredTokens]: (manager) => tokens.run(manager),
      [JobName.PurgeRelayedOutbox]: (manager) => outbox.run(manager),
      [JobName.ExpireUnpaidOrders]: (manager) => orders.run(manager),
      [JobName.RetryPendingRefunds]: () => refunds.run(),
    };
  }

  /** Lets the job in progress finish before the database connections close. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }

  /** Connection trouble (Redis away): BullMQ reconnects by itself. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Maintenance queue worker: ${error.message}`);
  }

  async process(job: Job): Promise<MaintenanceResult> {
    const task = Object.hasOwn(this.tasks, job.name) ? this.tasks[job.name as MaintenanceJobName] : undefined;
    if (!task) throw new UnrecoverableError(`Unknown maintenance job "${job.name}"`);
    const outcome = await this.maintenance.runExclusively(job.name, task);
    if (!outcome.ran) {
      this.logger.log(`${job.id}: skipped, another run holds the lock`);
      return { skipped: 1 };
    }
    const counts = Object.entries(outcome.result).map(([kind, count]) => `${kind} ${count}`);
    const message = `${job.id}: ${counts.join(', ')}`;
    // A run with nothing to do, once a minute, is not worth an info line.
    if (Object.values(outcome.result).some((count) => count > 0)) this.logger.log(message);
    else this.logger.debug(message);
    return outcome.result;
  }
}
