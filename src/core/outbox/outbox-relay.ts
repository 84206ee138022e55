import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { JobsService } from '../queues/jobs.service';
import { isJobName, type JobPayloads, type JobName } from '../queues/queues';
import { OutboxRepository, type PendingOutboxRow } from './outbox.repository';

const BATCH_SIZE = 100;

/**
 * The job id of an outbox row: the same for every relay of that row, so a relay that crashes
 * between enqueueing and stamping `relayed_at` re-adds an id BullMQ already holds and nothing is
 * duplicated. The creation time keeps ids of a recreated database (ids restarting at 1) apart
 * from the jobs an older one left in Redis.
 */
export function outboxJobId(row: Pick<PendingOutboxRow, 'id' | 'createdAt'>): string {
  return `outbox-${row.id}-${row.createdAt.getTime()}`;
}

/**
 * Worker only: moves committed outbox rows into BullMQ. Each batch is claimed with
 * `FOR UPDATE SKIP LOCKED` inside a transaction, enqueued, then stamped relayed; if Redis is
 * unreachable the rows stay, with their attempt count, error and a growing delay.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobsService,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Lets the batch in progress finish, then stops polling. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** Relays one batch of due rows; returns how many were enqueued. */
  relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.outbox.lockPending(manager, BATCH_SIZE);
      const known = rows.filter((row) => isJobName(row.type));
      const unknown = rows.filter((row) => !isJobName(row.type));
      if (unknown.length > 0) {
        // Written by a newer release than this worker: leave them for a worker that knows them.
        await this.fail(manager, unknown, `Unknown outbox type: ${unknown.map((row) => row.type).join(', ')}`);
      }
      if (known.length === 0) return 0;
      try {
        await this.jobs.addBulk(
          known.map((row) => ({
            name: row.type as JobName,
            data: row.payload as unknown as JobPayloads[JobName],
            jobId: outboxJobId(row),
          })),
        );
      } catch (error) {
        await this.fail(manager, known, error instanceof Error ? error.message : String(error));
        return 0;
      }
      await this.outbox.markRelayed(manager, known.map((row) => row.id));
      return known.length;
    });
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let relayed = 0;
      try {
        relayed = await this.relayBatch();
      } catch (error) {
        this.logger.error(`Outbox relay failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // A full batch means more may be waiting: go again at once.
      if (relayed < BATCH_SIZE) await this.sleep(this.config.worker.outboxPollMs);
    }
  }

  private async fail(manager: EntityManager, rows: PendingOutboxRow[], error: string): Promise<void> {
    this.logger.warn(`Could not relay ${rows.length} outbox message(s), will retry: ${error}`);
    await this.outbox.markFailed(manager, rows.map((row) => row.id), error);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
