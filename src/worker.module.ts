import { Module } from '@nestjs/common';
import { CoreModule } from './core/core.module';
import { OutboxRelayModule } from './core/outbox/outbox-relay.module';
import { AccountsWorkerModule } from './modules/accounts/accounts-worker.module';
import { MailWorkerModule } from './modules/mail/mail-worker.module';
import { TasksModule } from './modules/tasks/tasks.module';

/** The worker process: core services, queue processors and scheduled ticks (no HTTP). */
@Module({
  imports: [CoreModule, OutboxRelayModule, MailWorkerModule, TasksModule, AccountsWorkerModule],
})
export class WorkerModule {}
