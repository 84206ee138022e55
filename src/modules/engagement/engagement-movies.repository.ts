import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The movie lookups of the engagement routes. */
@Injectable()
export class EngagementMoviesRepository {
  /**
   * The id of the movie, key-share locked until the transaction ends: a concurrent delete of the
   * movie waits, so a reaction, rating or favorite inserted next can never fail its foreign key
   * (which would be a 500), and it is the very row the engagement rows hang on.
   */
  async lockId(manager: EntityManager, uuid: string): Promise<number | null> {
    const rows: Array<{ id: number }> = await manager.query(`SELECT id FROM movies WHERE uuid = $1 FOR KEY SHARE`, [uuid]);
    return rows[0]?.id ?? null;
  }
}
