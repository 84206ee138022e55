import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type UserGroupName } from '../modules/accounts/entities/user-group.entity';

@Injectable()
export class SeedRepository {
  /** Inserts the groups that are missing; rows that exist (by id or by name) are left alone. */
  async insertMissingGroups(manager: EntityManager, groups: { id: number; name: UserGroupName }[]): Promise<void> {
    const values = groups.map((_, index) => `($${index * 2 + 1}::int, $${index * 2 + 2}::usergroupenum)`).join(', ');
    await manager.query(
      `INSERT INTO user_groups (id, name) VALUES ${values} ON CONFLICT DO NOTHING`,
      groups.flatMap((group) => [group.id, group.name]),
    );
  }

  listGroups(manager: EntityManager): Promise<{ id: number; name: UserGroupName }[]> {
    return manager.query(`SELECT id, name FROM user_groups ORDER BY id`);
  }

  /** Moves the id sequence past the explicitly inserted ids, so a later plain insert never collides. */
  async syncGroupSequence(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT setval(pg_get_serial_sequence('user_groups', 'id'), GREATEST(MAX(id), 1)) FROM user_groups`);
  }

  async findUserIdByEmail(manager: EntityManager, email: string): Promise<number | null> {
    const rows: { id: number }[] = await manager.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    return rows[0]?.id ?? null;
  }

  /** Inserts an active user; null when an account with that e-mail appeared meanwhile. */
  async insertActiveUser(manager: EntityManager, user: { email: string; hashedPassword: string; groupId: number }): Promise<number | null> {
    const rows: { id: number }[] = await manager.query(
      `INSERT INTO users (email, _hashed_password, is_active, group_id) VALUES ($1, $2, true, $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [user.email, user.hashedPassword, user.groupId],
    );
    return rows[0]?.id ?? null;
  }

  async insertCart(manager: EntityManager, userId: number): Promise<void> {
    await manager.query(`INSERT INTO carts (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, [userId]);
  }
}
