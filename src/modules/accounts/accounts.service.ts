import { Injectable, NotFoundException } from '@nestjs/common';
import { AUTH_MESSAGES } from '../../common/auth/auth.messages';
import { type AccountResponse, toAccountResponse } from './accounts.responses';
import { UsersRepository } from './users.repository';

/** What a user sees of their own account. */
@Injectable()
export class AccountsService {
  constructor(private readonly users: UsersRepository) {}

  /** `GET /accounts/me/` (CONTRACT.md C5): id, e-mail, group, activity and profile. */
  async me(userId: number): Promise<AccountResponse> {
    const account = await this.users.findAccount(userId);
    // The guard loaded this user a moment ago; it can only be gone if deleted in between.
    if (!account) throw new NotFoundException(AUTH_MESSAGES.userNotFound);
    return toAccountResponse(account);
  }
}
