import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { SECRET_PAYLOAD_KEYS } from '../queues/job-secrets';
import { OutboxMessage } from './outbox.entity';

/** A pending row as the relay reads it. */
export interface PendingOutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** The longest wait between two relay attempts of a row that could not be enqueued. */
const MAX_RETRY_DELAY_SECONDS = 60;

@Injectable()
export class OutboxRepository {
  async insert(manager: EntityManager, type: string, payload: object): Promise<string> {
    // TypeORM's deep-partial typing does not follow a jsonb column typed as a record.
    const row = { type, payload } as QueryDeepPartialEntity<OutboxMessage>;
    const result = await manager.insert(OutboxMessage, row);
    return String(result.identifiers[0].id);
  }

  /**
   * Locks up to `limit` rows that are due, oldest first. Rows another relay holds are skipped,
   * so any number of workers relay side by side without waiting on each other.
   */
  lockPending(manager: EntityManager, limit: number): Promise<PendingOutboxRow[]> {
    return manager
      .createQueryBuilder(OutboxMessage, 'o')
      .select(['o.id', 'o.type', 'o.payload', 'o.createdAt'])
      .where('o.relayed_at IS NULL')
      .andWhere('o.available_at <= now()')
      .orderBy('o.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /**
   * Stamps the rows relayed and drops their secrets (`SECRET_PAYLOAD_KEYS`): the job now carries
   * them, and the row, kept for a week, needs them no more.
   */
  async markRelayed(manager: EntityManager, ids: string[]): Promise<void> {
    const withoutSecrets = SECRET_PAYLOAD_KEYS.reduce((expression, key) => `${expression} - '${key}'`, 'payload');
    await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({ relayedAt: () => 'now()', payload: () => withoutSecrets })
      .where('id IN (:...ids)', { ids })
      .execute();
  }

  /** Records a failed attempt and holds the rows back 1 s, 2 s, 4 s ... up to a minute. */
  async markFailed(manager: EntityManager, ids: string[], error: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(OutboxMessage)
      .set({
        attempts: () => 'attempts + 1',
        lastError: error.slice(0, 2000),
        availableAt: () => `now() + make_interval(secs => least(power(2, attempts), ${MAX_RETRY_DELAY_SECONDS}))`,
      })
      .where('id IN (:...ids)', { ids })
      .execute();
  }

  /** Deletes up to `limit` rows relayed before `before`; returns how many went. */
  async deleteRelayedBefore(manager: EntityManager, before: Date, limit: number): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(OutboxMessage)
      .where('id IN (SELECT id FROM outbox WHERE relayed_at < :before ORDER BY id LIMIT :limit)', { before, limit })
      .execute();
    return result.affected ?? 0;
  }
}
