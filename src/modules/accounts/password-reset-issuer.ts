import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PasswordResetRequestJob } from '../../core/queues/queues';
import { MailService } from '../mail/mail.service';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { tokenDigest } from './secret-token';
import { UsersRepository } from './users.repository';

/** Reset links are valid one day (the reference's model default). */
const RESET_TOKEN_TTL_MS = 24 * 3600 * 1000;

export type ResetIssueOutcome = 'issued' | 'no active account' | 'already issued';

/**
 * Worker side of a password-reset request: for an active account with that address (exact,
 * case-insensitive), the requested token replaces any pending one and is mailed to the
 * account's stored address, never to the address as typed (CONTRACT.md B3). Idempotent: a
 * retried job finds its token already stored and sends nothing more.
 */
@Injectable()
export class PasswordResetIssuer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly resetTokens: PasswordResetTokensRepository,
    private readonly mail: MailService,
  ) {}

  async issue(request: PasswordResetRequestJob): Promise<ResetIssueOutcome> {
    const user = await this.users.findByEmail(request.email);
    if (!user || !user.isActive) return 'no active account';
    return this.dataSource.transaction(async (tx) => {
      const expiresAt = new Date(Date.now() + RESET_TOKEN_TTL_MS);
      if (!(await this.resetTokens.issue(tx, user.id, tokenDigest(request.token), expiresAt))) return 'already issued';
      await this.mail.sendPasswordResetRequest(tx, user.email, request.token);
      return 'issued';
    });
  }
}
