import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { withTimeout } from '../redis/with-timeout';
import { bullConnection } from './bull-connection';
import { assertJobId, JOB_QUEUE, type JobName, type JobPayloads, QUEUE_JOB_OPTIONS, QueueName } from './queues';

/** A job to enqueue; its id is always deterministic so that a repeated add collapses. */
export interface JobRequest<N extends JobName = JobName> {
  name: N;
  data: JobPayloads[N];
  jobId: string;
}

/** Longest wait for Redis before an add is reported as failed (the caller retries later). */
const ADD_TIMEOUT_MS = 5000;

/**
 * The producer facade over BullMQ (worker side: the outbox relay and the scheduled ticks).
 * API code never enqueues directly: it writes to the outbox inside its transaction.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /**
   * Connects every queue at start-up: a queue whose connection was never ready waits for Redis
   * instead of failing fast, which only the timeout below would cut short.
   */
  onModuleInit(): void {
    for (const name of Object.values(QueueName)) this.queue(name);
  }

  /** The queue instance, e.g. for health checks and dashboards. */
  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: bullConnection(this.config, 'producer'),
        prefix: this.config.redisPrefix,
        defaultJobOptions: QUEUE_JOB_OPTIONS[name],
      });
      // Connection errors surface through the rejected adds; this only keeps them from being unhandled.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Adds jobs, one pipeline per queue. Ids already present (waiting, active or kept as completed)
   * are left alone. Rejects at once while Redis is unreachable, and after a few seconds if it
   * never answered since start-up.
   */
  async addBulk(jobs: JobRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const job of jobs) {
      const queue = JOB_QUEUE[job.name];
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
    }
    await withTimeout(
      Promise.all(
        [...byQueue].map(([queue, group]) =>
          this.queue(queue).addBulk(group.map(({ name, data, jobId }) => ({ name, data, opts: { jobId: assertJobId(jobId) } }))),
        ),
      ),
      ADD_TIMEOUT_MS,
    );
  }

  add<N extends JobName>(name: N, data: JobPayloads[N], jobId: string): Promise<void> {
    return this.addBulk([{ name, data, jobId }]);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}
