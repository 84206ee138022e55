import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** First key of our advisory locks ("CINE"); the second is a hash of the job name. */
const LOCK_NAMESPACE = 0x43494e45;

export type ExclusiveOutcome<T> = { ran: true; result: T } | { ran: false };

@Injectable()
export class MaintenanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` on a dedicated connection while holding the advisory lock named `name`, or not
   * at all if another replica holds it. A session lock (not a transaction lock) because the work
   * commits in batches; PostgreSQL drops it by itself if the connection dies.
   */
  async runExclusively<T>(name: string, work: (manager: EntityManager) => Promise<T>): Promise<ExclusiveOutcome<T>> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LOCK_NAMESPACE, name])) as {
        locked: boolean;
      }[];
      if (!locked) return { ran: false };
      try {
        return { ran: true, result: await work(runner.manager) };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, name]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Deletes up to `limit` rows of `target` whose `expires_at` has passed, skipping rows a
   * request is using at that moment; returns how many went.
   */
  async deleteExpiredBatch(manager: EntityManager, target: EntityTarget<ObjectLiteral>, limit: number): Promise<number> {
    const table = manager.connection.getMetadata(target).tablePath;
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(target)
      .where(`id IN (SELECT id FROM ${table} WHERE expires_at < now() ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)`, { limit })
      .execute();
    return result.affected ?? 0;
  }
}

/** Repeats `deleteBatch` until a batch comes back short; returns the total deleted. */
export async function deleteInBatches(deleteBatch: (limit: number) => Promise<number>, limit = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(limit);
    total += deleted;
    if (deleted < limit) return total;
  }
}
