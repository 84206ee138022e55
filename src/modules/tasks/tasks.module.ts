import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { OutboxModule } from '../../core/outbox/outbox.module';
import { QueuesModule } from '../../core/queues/queues.module';
import { PaymentsWorkerModule } from '../payments/payments-worker.module';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceRepository } from './maintenance.repository';
import { OutboxRetention } from './outbox-retention';
import { TaskScheduler } from './task-scheduler';
import { TokenCleanup } from './token-cleanup';

/** Worker only: the scheduled ticks and the maintenance queue's consumer. */
@Module({
  imports: [ScheduleModule.forRoot(), QueuesModule, OutboxModule, PaymentsWorkerModule],
  providers: [TaskScheduler, MaintenanceRepository, TokenCleanup, OutboxRetention, MaintenanceProcessor],
})
export class TasksModule {}
