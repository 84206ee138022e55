import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { User } from '../accounts/entities/user.entity';
import { UserProfile } from './entities/user-profile.entity';

/** The constraint that keeps one profile per user. */
export const ONE_PROFILE_PER_USER = 'user_profiles_user_id_key';

/** Queries on `user_profiles` (and the existence of their users). */
@Injectable()
export class ProfilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByUserId(userId: number, manager: EntityManager = this.dataSource.manager): Promise<UserProfile | null> {
    return manager.findOne(UserProfile, { where: { userId } });
  }

  /** The user's profile, locked until the transaction ends (concurrent updates queue behind it). */
  findByUserIdForUpdate(manager: EntityManager, userId: number): Promise<UserProfile | null> {
    return manager.createQueryBuilder(UserProfile, 'p').where('p.user_id = :userId', { userId }).setLock('pessimistic_write').getOne();
  }

  userExists(userId: number): Promise<boolean> {
    return this.dataSource.manager.exists(User, { where: { id: userId } });
  }

  /** Inserts a profile; throws the database's error on a duplicate or a missing user. */
  async insert(profile: Omit<UserProfile, 'id' | 'user'>): Promise<UserProfile> {
    const result = await this.dataSource.manager.insert(UserProfile, profile);
    return { ...profile, id: result.identifiers[0].id as number } as UserProfile;
  }

  save(manager: EntityManager, profile: UserProfile): Promise<UserProfile> {
    return manager.save(UserProfile, profile);
  }
}
