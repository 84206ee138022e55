import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { UserGroupName } from '../../modules/accounts/entities/user-group.entity';
import { User } from '../../modules/accounts/entities/user.entity';
import type { AuthenticatedUser } from './authenticated-user';

interface AuthUserRow {
  id: number;
  email: string;
  isActive: boolean;
  groupId: number;
  group: UserGroupName;
}

/** A user with a password hash, for HTTP Basic checks; never leaves the auth layer. */
export interface AuthUserWithPassword extends AuthenticatedUser {
  hashedPassword: string;
}

/**
 * The auth layer's reads of `users`: one query each, by primary key or by the unique
 * `lower(email)` index, joined to the group for its name.
 */
@Injectable()
export class AuthUsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async findById(id: number): Promise<AuthenticatedUser | null> {
    const row = await this.select().where('user.id = :id', { id }).getRawOne<AuthUserRow>();
    return row ?? null;
  }

  /** Exact, case-insensitive match (CONTRACT.md B2). */
  async findByEmailWithPassword(email: string): Promise<AuthUserWithPassword | null> {
    const row = await this.select()
      .addSelect('user.hashedPassword', 'hashedPassword')
      .where('lower(user.email) = lower(:email)', { email })
      .getRawOne<AuthUserRow & { hashedPassword: string }>();
    return row ?? null;
  }

  private select(): SelectQueryBuilder<User> {
    return this.users
      .createQueryBuilder('user')
      .innerJoin('user.group', 'group')
      .select('user.id', 'id')
      .addSelect('user.email', 'email')
      .addSelect('user.isActive', 'isActive')
      .addSelect('user.groupId', 'groupId')
      .addSelect('group.name', 'group');
  }
}
