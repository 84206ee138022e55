import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { bullConnection } from './bull-connection';
import { JobsService } from './jobs.service';

/**
 * BullMQ for the worker: the shared options every `@Processor` worker is built from (connection,
 * key prefix) and the `JobsService` producer facade. Importing this module starts no consumer;
 * processors do, and they are provided only by worker modules.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: bullConnection(config, 'worker'), prefix: config.redisPrefix }),
    }),
    // No queue here: this only brings in the explorer that turns `@Processor` classes into
    // workers (from the shared options above). Producers use `JobsService`'s fail-fast queues.
    BullModule.registerQueue(),
  ],
  providers: [JobsService],
  exports: [JobsService],
})
export class QueuesModule {}
