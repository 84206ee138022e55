import { Module } from '@nestjs/common';
import { OutboxModule } from '../../core/outbox/outbox.module';
import { MailService } from './mail.service';

/** The producer side of e-mail, for the API: `MailService` writes to the outbox, nothing more. */
@Module({
  imports: [OutboxModule],
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
