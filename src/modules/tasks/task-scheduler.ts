import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { JobsService } from '../../core/queues/jobs.service';
import { cronFor, SCHEDULED_TASKS, type ScheduledTask, slotStart, tickJobId } from './schedule';

/**
 * Worker only: every replica ticks, and a tick only enqueues, with a job id derived from the
 * time slot. BullMQ keeps one job per id, so N replicas produce exactly one job per slot, and a
 * replica that is down costs nothing as long as one other is up.
 */
@Injectable()
export class TaskScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TaskScheduler.name);
  private readonly crons: CronJob[] = [];

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly jobs: JobsService,
  ) {}

  onApplicationBootstrap(): void {
    for (const task of SCHEDULED_TASKS) {
      const seconds = this.config.worker.tasksTickSeconds ?? task.everySeconds;
      const cron = CronJob.from({
        cronTime: cronFor(seconds),
        timeZone: 'UTC',
        onTick: () => this.tick(task, seconds),
        start: true,
      });
      this.registry.addCronJob(task.job, cron);
      this.crons.push(cron);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.crons.map((cron) => cron.stop()));
  }

  private async tick(task: ScheduledTask, seconds: number): Promise<void> {
    const jobId = tickJobId(task.job, slotStart(new Date(), seconds));
    try {
      await this.jobs.add(task.job, {}, jobId);
    } catch (error) {
      // The next slot does the same work; nothing is lost by skipping this one.
      this.logger.warn(`Could not enqueue ${jobId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
