import { Module } from '@nestjs/common';
import { QueuesModule } from '../../core/queues/queues.module';
import { MailDeliveries } from './mail-deliveries';
import { MailProcessor } from './mail.processor';
import { MailRenderer } from './mail-renderer';
import { MailTransport } from './mail-transport';

/** Worker only: the mail queue's consumer starts as soon as this module initialises. */
@Module({
  imports: [QueuesModule],
  providers: [MailRenderer, MailTransport, MailDeliveries, MailProcessor],
})
export class MailWorkerModule {}
