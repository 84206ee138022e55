import { Injectable, NotFoundException } from '@nestjs/common';
import { AUTH_MESSAGES } from '../../common/auth/auth.messages';
import { AvatarsService } from '../profiles/avatars/avatars.service';
import { toProfileResponse } from '../profiles/profile.responses';
import { type AccountResponse, toAccountResponse } from './accounts.responses';
import { UsersRepository } from './users.repository';

/** What a user sees of their own account. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly avatars: AvatarsService,
  ) {}

  /**
   * `GET /accounts/me/` (CONTRACT.md C5): id, e-mail, group, activity, and the profile exactly as
   * the profile routes show it (avatar as a URL), or `null` without one.
   */
  async me(userId: number): Promise<AccountResponse> {
    const account = await this.users.findAccount(userId);
    // The guard loaded this user a moment ago; it can only be gone if deleted in between.
    if (!account) throw new NotFoundException(AUTH_MESSAGES.userNotFound);
    const { profile } = account;
    return toAccountResponse(account, profile && toProfileResponse(profile, await this.avatars.urlOf(profile.avatar)));
  }
}
