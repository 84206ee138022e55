import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity';

export interface NewRefreshToken {
  userId: number;
  digest: string;
  familyId: string;
  expiresAt: Date;
}

/** `refresh_tokens`: one row per session, keyed by the digest of the refresh JWT. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(token: NewRefreshToken, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const { userId, digest, familyId, expiresAt } = token;
    await manager.insert(RefreshToken, { userId, token: digest, familyId, expiresAt });
  }

  findByDigest(digest: string): Promise<RefreshToken | null> {
    return this.dataSource.manager.findOne(RefreshToken, { where: { token: digest } });
  }

  async delete(id: number): Promise<void> {
    await this.dataSource.manager.delete(RefreshToken, { id });
  }

  /** Logout: deletes the session only if it is the caller's own. */
  async deleteOwn(userId: number, digest: string): Promise<void> {
    await this.dataSource.manager.delete(RefreshToken, { userId, token: digest });
  }

  async deleteAllForUser(manager: EntityManager, userId: number): Promise<void> {
    await manager.delete(RefreshToken, { userId });
  }

  /**
   * Marks the token revoked if nobody has yet: of two requests rotating the same token at once,
   * exactly one gets true.
   */
  async revoke(manager: EntityManager, id: number): Promise<boolean> {
    const result = await manager.update(RefreshToken, { id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return result.affected === 1;
  }

  /** Reuse detected: every token of the family stops working. */
  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }
}
