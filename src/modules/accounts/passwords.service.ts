import { BadRequestException, ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../common/auth/auth.messages';
import { OutboxService } from '../../core/outbox/outbox.service';
import { JobName } from '../../core/queues/queues';
import { MailService } from '../mail/mail.service';
import { ACCOUNTS_MESSAGES } from './accounts.messages';
import { message, type MessageResponse } from './accounts.responses';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { ResetPasswordDto } from './dto/reset-password.dto';
import { PasswordHasher } from './password-hasher';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { digestsEqual, newSecretToken, tokenDigest } from './secret-token';
import { SessionsService } from './sessions.service';
import { UsersRepository } from './users.repository';

/** Password change and reset (reference 3.7-3.9). Both end every session of the user. */
@Injectable()
export class PasswordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly resetTokens: PasswordResetTokensRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
  ) {}

  /**
   * Reference 3.7 with CONTRACT.md B8/B11: 401 `Invalid email or password.` when the old password
   * is wrong, 409 when the new one equals it; then every session of the user ends, the current
   * one included.
   */
  async changePassword(userId: number, change: ChangePasswordDto): Promise<MessageResponse> {
    const user = await this.users.findById(userId);
    if (!user || !(await this.passwords.verify(user.hashedPassword, change.old_password))) {
      throw new UnauthorizedException(AUTH_MESSAGES.invalidCredentials);
    }
    if (change.old_password === change.new_password) throw new ConflictException(ACCOUNTS_MESSAGES.samePassword);
    const hashedPassword = await this.passwords.hash(change.new_password);
    await this.dataSource.transaction(async (tx) => {
      await this.users.setPassword(tx, user.id, hashedPassword);
      await this.sessions.revokeAll(tx, user.id);
    });
    return message(ACCOUNTS_MESSAGES.passwordChanged);
  }

  /**
   * Reference 3.8 with CONTRACT.md B3/B4: the same answer, after the same work (one outbox row),
   * whether or not an account matches. The worker does the lookup and, for an active account,
   * stores the token and mails it to the account's own address (`PasswordResetIssuer`).
   */
  async requestReset(email: string): Promise<MessageResponse> {
    await this.outbox.add(this.dataSource.manager, { type: JobName.IssuePasswordReset, payload: { email, token: newSecretToken() } });
    return message(ACCOUNTS_MESSAGES.resetRequested);
  }

  /**
   * Reference 3.9 with CONTRACT.md B5/B8: 400 `Invalid email or token.` for an unknown or
   * inactive account or a wrong token (which leaves the pending token alone), 404 `Token not
   * found.` when no reset is pending, 400 for an expired token (deleted). On success the token
   * is used up, the password set, every session ended and the completion e-mail queued.
   */
  async completeReset(reset: ResetPasswordDto): Promise<MessageResponse> {
    const user = await this.users.findByEmail(reset.email);
    if (!user || !user.isActive) throw new BadRequestException(ACCOUNTS_MESSAGES.invalidEmailOrToken);
    const pending = await this.resetTokens.findForUser(user.id);
    if (!pending) throw new NotFoundException(ACCOUNTS_MESSAGES.resetTokenNotFound);
    const digest = tokenDigest(reset.token);
    if (!digestsEqual(pending.token, digest)) throw new BadRequestException(ACCOUNTS_MESSAGES.invalidEmailOrToken);
    if (pending.expiresAt.getTime() <= Date.now()) {
      // By digest, not by row: a new request may have put a fresh token in this row meanwhile.
      await this.resetTokens.consume(this.dataSource.manager, pending.id, digest);
      throw new BadRequestException(ACCOUNTS_MESSAGES.invalidEmailOrToken);
    }
    const hashedPassword = await this.passwords.hash(reset.password);
    const completed = await this.dataSource.transaction(async (tx) => {
      // A concurrent completion with the same token may have used it up in the meantime.
      if (!(await this.resetTokens.consume(tx, pending.id, digest))) return false;
      await this.users.setPassword(tx, user.id, hashedPassword);
      await this.sessions.revokeAll(tx, user.id);
      await this.mail.sendPasswordResetCompletion(tx, user.email);
      return true;
    });
    if (!completed) throw new BadRequestException(ACCOUNTS_MESSAGES.invalidEmailOrToken);
    return message(ACCOUNTS_MESSAGES.passwordReset);
  }
}
