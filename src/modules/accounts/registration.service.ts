import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { MailService } from '../mail/mail.service';
import { ACCOUNTS_MESSAGES } from './accounts.messages';
import { message, type MessageResponse, type RegisteredUserResponse, toRegisteredUserResponse } from './accounts.responses';
import { ActivationTokensRepository } from './activation-tokens.repository';
import type { CredentialsDto } from './dto/credentials.dto';
import { UserGroupName } from './entities/user-group.entity';
import { PasswordHasher } from './password-hasher';
import { newSecretToken, tokenDigest } from './secret-token';
import { UsersRepository } from './users.repository';

/** Activation links are valid one day (the reference's `ACTIVATION_TOKEN_LIFE`). */
const ACTIVATION_TOKEN_TTL_MS = 24 * 3600 * 1000;

/** The unique indexes on `users.email`: exact, and the case-insensitive one (CONTRACT.md B2). */
const EMAIL_INDEXES = ['ix_users_email', 'ux_users_email_lower'];

/** Registration and activation (reference 3.1-3.3). */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly activationTokens: ActivationTokensRepository,
    private readonly passwords: PasswordHasher,
    private readonly mail: MailService,
  ) {}

  /**
   * Creates an inactive USER with an activation token and a cart, and queues the activation
   * e-mail, in one transaction. 409 when the address is taken in any letter case, including by a
   * registration racing this one (the unique index decides).
   */
  async register(credentials: CredentialsDto): Promise<RegisteredUserResponse> {
    const { email } = credentials;
    if (await this.users.findByEmail(email)) throw new ConflictException(ACCOUNTS_MESSAGES.userExists(email));
    const hashedPassword = await this.passwords.hash(credentials.password);
    try {
      const id = await this.dataSource.transaction(async (tx) => {
        const groupId = await this.users.findGroupId(UserGroupName.User, tx);
        if (groupId === null) throw new NotFoundException(ACCOUNTS_MESSAGES.groupNotFound);
        const userId = await this.users.insert(tx, { email, hashedPassword, groupId });
        const token = newSecretToken();
        await this.activationTokens.insert(tx, userId, tokenDigest(token), activationExpiry());
        await this.users.createCart(tx, userId);
        await this.mail.sendActivation(tx, email, token);
        return userId;
      });
      return toRegisteredUserResponse({ id, email });
    } catch (error) {
      if (isUniqueViolation(error, EMAIL_INDEXES)) throw new ConflictException(ACCOUNTS_MESSAGES.userExists(email));
      throw error;
    }
  }

  /**
   * Reference 3.2 with CONTRACT.md B6: 404 for an unknown address, 200 when already active, 400
   * while a valid token is pending; an expired one is replaced and a new link mailed.
   */
  async resendActivation(email: string): Promise<MessageResponse> {
    const user = await this.users.findByEmail(email);
    if (!user) throw new NotFoundException(ACCOUNTS_MESSAGES.userWithEmailNotFound(email));
    if (user.isActive) return message(ACCOUNTS_MESSAGES.alreadyActivated);
    const token = newSecretToken();
    const replaced = await this.dataSource.transaction(async (tx) => {
      if (!(await this.activationTokens.replaceUnlessValid(tx, user.id, tokenDigest(token), activationExpiry()))) return false;
      await this.mail.sendActivation(tx, user.email, token);
      return true;
    });
    if (!replaced) throw new BadRequestException(ACCOUNTS_MESSAGES.activationTokenStillValid);
    return message(ACCOUNTS_MESSAGES.activationLinkSent);
  }

  /**
   * Reference 3.3 with CONTRACT.md B6 and B9: the token must be the pending one of that address
   * and unexpired (400 `Invalid or expired token` otherwise; an expired token is deleted). The
   * token is used up, the account activated and the confirmation queued in one transaction.
   */
  async activate(email: string, token: string): Promise<MessageResponse> {
    const activated = await this.dataSource.transaction(async (tx) => {
      const consumed = await this.activationTokens.consume(tx, email, tokenDigest(token));
      if (!consumed || consumed.expired) return false;
      await this.users.activate(tx, consumed.userId);
      await this.mail.sendActivationConfirmation(tx, consumed.email);
      return true;
    });
    if (!activated) throw new BadRequestException(ACCOUNTS_MESSAGES.invalidOrExpiredToken);
    return message(ACCOUNTS_MESSAGES.activated);
  }
}

function activationExpiry(): Date {
  return new Date(Date.now() + ACTIVATION_TOKEN_TTL_MS);
}
