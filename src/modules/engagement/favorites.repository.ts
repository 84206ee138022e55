import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** SQL on `favorites`: a user's favorite movies, each once. */
@Injectable()
export class FavoritesRepository {
  /** Adds the movie; already there is fine (concurrent calls meet on the primary key). */
  async add(manager: EntityManager, userId: number, movieId: number): Promise<void> {
    await manager.query(`INSERT INTO favorites (user_id, movie_id) VALUES ($1, $2) ON CONFLICT (user_id, movie_id) DO NOTHING`, [userId, movieId]);
  }

  /** Removes the movie; false when it was not there. */
  async remove(manager: EntityManager, userId: number, movieId: number): Promise<boolean> {
    // TypeORM answers a DELETE with `[rows, affected]`.
    const [, affected]: [unknown[], number] = await manager.query(`DELETE FROM favorites WHERE user_id = $1 AND movie_id = $2`, [userId, movieId]);
    return affected > 0;
  }
}
