import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PasswordResetToken } from './entities/password-reset-token.entity';

/** `password_reset_tokens`: one pending token per user, stored as the digest of the mailed secret. */
@Injectable()
export class PasswordResetTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findForUser(userId: number): Promise<PasswordResetToken | null> {
    return this.dataSource.manager.findOne(PasswordResetToken, { where: { userId } });
  }

  /**
   * Makes `digest` the user's pending token, replacing any earlier one. Returns false when that
   * very digest is already stored: the request was handled before (a retried job).
   */
  async issue(manager: EntityManager, userId: number, digest: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO password_reset_tokens (user_id, token, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE password_reset_tokens.token <> EXCLUDED.token
       RETURNING id`,
      [userId, digest, expiresAt],
    );
    return rows.length === 1;
  }

  /** Deletes the row if it still holds `digest`; false when another request consumed it first. */
  async consume(manager: EntityManager, id: number, digest: string): Promise<boolean> {
    const result = await manager.delete(PasswordResetToken, { id, token: digest });
    return result.affected === 1;
  }
}
