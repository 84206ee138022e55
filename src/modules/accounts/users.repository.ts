import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Cart } from '../cart/entities/cart.entity';
import { UserProfile } from '../profiles/entities/user-profile.entity';
import { type UserGroupName, UserGroup } from './entities/user-group.entity';
import { User } from './entities/user.entity';

/** The columns of `users` the accounts rules work with. */
export interface UserRow {
  id: number;
  email: string;
  hashedPassword: string;
  isActive: boolean;
  groupId: number;
}

/** A user with the group's name and the profile, if any: what `GET /accounts/me/` shows. */
export interface AccountRow {
  id: number;
  email: string;
  isActive: boolean;
  group: UserGroupName;
  profile: UserProfile | null;
}

const USER_COLUMNS = ['u.id', 'u.email', 'u.hashedPassword', 'u.isActive', 'u.groupId'];

/**
 * The accounts module's queries on `users` (and the cart every new user gets). E-mails are
 * matched exactly and case-insensitively, `lower(email) = lower($1)`, which the unique index
 * `ux_users_email_lower` serves (CONTRACT.md B2).
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    return manager
      .createQueryBuilder(User, 'u')
      .select(USER_COLUMNS)
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    return manager.createQueryBuilder(User, 'u').select(USER_COLUMNS).where('u.id = :id', { id }).getOne();
  }

  async findAccount(id: number): Promise<AccountRow | null> {
    const manager = this.dataSource.manager;
    const [user, profile] = await Promise.all([
      manager
        .createQueryBuilder(User, 'u')
        .innerJoin('u.group', 'g')
        .select('u.id', 'id')
        .addSelect('u.email', 'email')
        .addSelect('u.isActive', 'isActive')
        .addSelect('g.name', 'group')
        .where('u.id = :id', { id })
        .getRawOne<Omit<AccountRow, 'profile'>>(),
      manager.findOne(UserProfile, { where: { userId: id } }),
    ]);
    return user ? { ...user, profile } : null;
  }

  async findGroupId(name: UserGroupName, manager: EntityManager = this.dataSource.manager): Promise<number | null> {
    const group = await manager.findOne(UserGroup, { select: { id: true }, where: { name } });
    return group?.id ?? null;
  }

  /** Inserts an inactive user; throws the unique violation if the e-mail is taken. */
  async insert(manager: EntityManager, user: { email: string; hashedPassword: string; groupId: number }): Promise<number> {
    const result = await manager.insert(User, { ...user, isActive: false });
    return result.identifiers[0].id as number;
  }

  async createCart(manager: EntityManager, userId: number): Promise<void> {
    await manager.insert(Cart, { userId });
  }

  async activate(manager: EntityManager, userId: number): Promise<void> {
    await manager.update(User, { id: userId }, { isActive: true });
  }

  async setPassword(manager: EntityManager, userId: number, hashedPassword: string): Promise<void> {
    await manager.update(User, { id: userId }, { hashedPassword });
  }

  /**
   * Replaces the hash only if it is still `current`, so a re-hash at login never overwrites a
   * password changed in the meantime.
   */
  async replaceHash(userId: number, current: string, next: string): Promise<void> {
    await this.dataSource.manager.update(User, { id: userId, hashedPassword: current }, { hashedPassword: next });
  }

  async setGroup(manager: EntityManager, userId: number, groupId: number): Promise<void> {
    await manager.update(User, { id: userId }, { groupId });
  }
}
