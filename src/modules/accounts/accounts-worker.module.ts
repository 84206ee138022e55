import { Module } from '@nestjs/common';
import { QueuesModule } from '../../core/queues/queues.module';
import { MailModule } from '../mail/mail.module';
import { PasswordResetIssuer } from './password-reset-issuer';
import { PasswordResetProcessor } from './password-reset.processor';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { UsersRepository } from './users.repository';

/** Worker only: the accounts queue's consumer starts as soon as this module initialises. */
@Module({
  imports: [QueuesModule, MailModule],
  providers: [UsersRepository, PasswordResetTokensRepository, PasswordResetIssuer, PasswordResetProcessor],
})
export class AccountsWorkerModule {}
