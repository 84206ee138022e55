import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module';
import { OutboxModule } from './outbox.module';
import { OutboxRelay } from './outbox-relay';

/** Worker only: the relay starts polling as soon as the application boots. */
@Module({
  imports: [OutboxModule, QueuesModule],
  providers: [OutboxRelay],
})
export class OutboxRelayModule {}
