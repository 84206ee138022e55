import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivationToken } from './entities/activation-token.entity';

/** A consumed activation token: whose it was and whether it was still valid. */
export interface ConsumedActivation {
  userId: number;
  email: string;
  expired: boolean;
}

/** `activation_tokens`: one pending token per user, stored as the digest of the mailed secret. */
@Injectable()
export class ActivationTokensRepository {
  async insert(manager: EntityManager, userId: number, digest: string, expiresAt: Date): Promise<void> {
    await manager.insert(ActivationToken, { userId, token: digest, expiresAt });
  }

  /**
   * Stores a new token for the user unless a valid one exists; an expired one is replaced
   * (CONTRACT.md B6). One statement, so two concurrent resends cannot both succeed or collide.
   * Returns false when a valid token is still pending.
   */
  async replaceUnlessValid(manager: EntityManager, userId: number, digest: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO activation_tokens (user_id, token, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at, created_at = now()
       WHERE activation_tokens.expires_at <= now()
       RETURNING id`,
      [userId, digest, expiresAt],
    );
    return rows.length === 1;
  }

  /**
   * Deletes the token `digest` of the user with this e-mail (exact, case-insensitive) and returns
   * it, expired or not; `null` when there is no such token. A wrong guess deletes nothing, and of
   * two concurrent activations only one gets the row.
   */
  async consume(manager: EntityManager, email: string, digest: string): Promise<ConsumedActivation | null> {
    const [rows]: [Array<{ user_id: number; email: string; expired: boolean }>, number] = await manager.query(
      `DELETE FROM activation_tokens t USING users u
       WHERE t.user_id = u.id AND lower(u.email) = lower($1) AND t.token = $2
       RETURNING t.user_id, u.email, t.expires_at <= now() AS expired`,
      [email, digest],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, email: row.email, expired: row.expired } : null;
  }

  async deleteForUser(manager: EntityManager, userId: number): Promise<void> {
    await manager.delete(ActivationToken, { userId });
  }
}
