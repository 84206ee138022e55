import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkEmail } from '../common/email/normalize-email';
import { USER_GROUP_IDS, UserGroupName } from '../modules/accounts/entities/user-group.entity';
import { PasswordHasher } from '../modules/accounts/password-hasher';
import { SeedRepository } from './seed.repository';

export type AdminOutcome = 'created' | 'exists' | 'not-configured';

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/**
 * The data every deployment needs, written idempotently: running it again, or on several replicas
 * at once, changes nothing.
 */
@Injectable()
export class SeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SeedRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Makes sure ADMIN, USER and MODERATOR exist with their fixed ids (1, 2, 3; CONTRACT.md A) and
   * that the id sequence is past them. Throws a `SeedError` if a group sits under another id:
   * every authorisation check relies on those ids.
   */
  async ensureGroups(): Promise<void> {
    const expected = Object.values(UserGroupName).map((name) => ({ id: USER_GROUP_IDS[name], name }));
    await this.dataSource.transaction(async (manager) => {
      await this.repository.insertMissingGroups(manager, expected);
      const actual = await this.repository.listGroups(manager);
      for (const group of expected) {
        const found = actual.find((row) => row.name === group.name);
        if (found?.id !== group.id) {
          throw new SeedError(`user_groups holds ${group.name} under id ${found?.id ?? 'none'}; it must be ${group.id}. Fix the table by hand.`);
        }
      }
      await this.repository.syncGroupSequence(manager);
    });
  }

  /**
   * Creates an active admin (group ADMIN) with a cart, unless an account with that e-mail exists,
   * in which case it is left exactly as it is.
   */
  async ensureAdmin(credentials: { email: string | null; password: string | null }): Promise<AdminOutcome> {
    if (!credentials.email || !credentials.password) return 'not-configured';
    const checked = checkEmail(credentials.email);
    if (!checked.ok) throw new SeedError(`ADMIN_EMAIL is not a valid e-mail address: ${checked.reason}`);
    const email = checked.email;

    if ((await this.repository.findUserIdByEmail(this.dataSource.manager, email)) !== null) return 'exists';
    const hashedPassword = await this.hasher.hash(credentials.password);
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.repository.insertActiveUser(manager, { email, hashedPassword, groupId: USER_GROUP_IDS[UserGroupName.Admin] });
      if (userId === null) return 'exists';
      await this.repository.insertCart(manager, userId);
      return 'created';
    });
  }
}
