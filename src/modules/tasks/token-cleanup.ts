import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivationToken } from '../accounts/entities/activation-token.entity';
import { PasswordResetToken } from '../accounts/entities/password-reset-token.entity';
import { RefreshToken } from '../accounts/entities/refresh-token.entity';
import { deleteInBatches, MaintenanceRepository } from './maintenance.repository';

export type DeletedTokens = {
  activation: number;
  passwordReset: number;
  refresh: number;
};

/**
 * Deletes expired activation, password-reset and refresh tokens (the reference cleaned only the
 * first and the last, its section 9.2).
 */
@Injectable()
export class TokenCleanup {
  constructor(private readonly maintenance: MaintenanceRepository) {}

  async run(manager: EntityManager): Promise<DeletedTokens> {
    const purge = (target: typeof ActivationToken | typeof PasswordResetToken | typeof RefreshToken): Promise<number> =>
      deleteInBatches((limit) => this.maintenance.deleteExpiredBatch(manager, target, limit));
    return {
      activation: await purge(ActivationToken),
      passwordReset: await purge(PasswordResetToken),
      refresh: await purge(RefreshToken),
    };
  }
}
