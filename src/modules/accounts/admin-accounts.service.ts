import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ACCOUNTS_MESSAGES } from './accounts.messages';
import { message, type MessageResponse } from './accounts.responses';
import { ActivationTokensRepository } from './activation-tokens.repository';
import type { ChangeGroupDto } from './dto/change-group.dto';
import { USER_GROUP_IDS } from './entities/user-group.entity';
import { type UserRow, UsersRepository } from './users.repository';

const GROUP_IDS: readonly number[] = Object.values(USER_GROUP_IDS);

/** User administration by admins (reference 8.1, 8.2); checks in the reference's order. */
@Injectable()
export class AdminAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly activationTokens: ActivationTokensRepository,
  ) {}

  /** 404 for an unknown address; activates and drops the pending activation token. No e-mail. */
  async activate(email: string): Promise<MessageResponse> {
    const user = await this.findUser(email);
    if (user.isActive) return message(ACCOUNTS_MESSAGES.adminAlreadyActive);
    await this.dataSource.transaction(async (tx) => {
      await this.users.activate(tx, user.id);
      await this.activationTokens.deleteForUser(tx, user.id);
    });
    return message(ACCOUNTS_MESSAGES.adminActivated);
  }

  /**
   * 404 for an unknown address, 403 for the admin's own account, 200 when nothing changes, 400
   * for an unknown group. The new group applies to the user's very next request.
   */
  async changeGroup(admin: AuthenticatedUser, change: ChangeGroupDto): Promise<MessageResponse> {
    const user = await this.findUser(change.email);
    if (user.id === admin.id) throw new ForbiddenException(ACCOUNTS_MESSAGES.ownGroup);
    if (user.groupId === change.group_id) return message(ACCOUNTS_MESSAGES.alreadyInGroup(change.group_id));
    if (!GROUP_IDS.includes(change.group_id)) throw new BadRequestException(ACCOUNTS_MESSAGES.invalidGroup);
    await this.users.setGroup(this.dataSource.manager, user.id, change.group_id);
    return message(ACCOUNTS_MESSAGES.groupChanged(change.group_id));
  }

  private async findUser(email: string): Promise<UserRow> {
    const user = await this.users.findByEmail(email);
    if (!user) throw new NotFoundException(ACCOUNTS_MESSAGES.userWithEmailNotFound(email));
    return user;
  }
}
