import { Module } from '@nestjs/common';
import { OutboxModule } from '../../core/outbox/outbox.module';
import { MailModule } from '../mail/mail.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { ActivationTokensRepository } from './activation-tokens.repository';
import { AdminAccountsController } from './admin-accounts.controller';
import { AdminAccountsService } from './admin-accounts.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { PasswordsService } from './passwords.service';
import { RefreshTokenService } from './refresh-token.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RegistrationService } from './registration.service';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';

/** The API side of accounts: registration, sessions, passwords, `/accounts/me/`, user administration. */
@Module({
  imports: [MailModule, OutboxModule, ProfilesModule],
  controllers: [AccountsController, AdminAccountsController],
  providers: [
    AccountsService,
    RegistrationService,
    SessionsService,
    PasswordsService,
    AdminAccountsService,
    UsersRepository,
    ActivationTokensRepository,
    PasswordResetTokensRepository,
    RefreshTokensRepository,
    RefreshTokenService,
    PasswordHasher,
  ],
})
export class AccountsModule {}
