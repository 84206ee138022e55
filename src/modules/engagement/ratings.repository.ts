import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RatingSummary } from '../catalog/catalog.responses';

/** SQL on `movie_ratings`: one score from 1 to 10 per user and movie. */
@Injectable()
export class RatingsRepository {
  /** Sets the user's score in one statement: concurrent calls meet on the primary key. */
  async upsert(manager: EntityManager, userId: number, movieId: number, score: number): Promise<void> {
    await manager.query(
      `INSERT INTO movie_ratings (user_id, movie_id, score) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, movie_id) DO UPDATE SET score = EXCLUDED.score, updated_at = now()
        WHERE movie_ratings.score IS DISTINCT FROM EXCLUDED.score`,
      [userId, movieId, score],
    );
  }

  async delete(manager: EntityManager, userId: number, movieId: number): Promise<void> {
    await manager.query(`DELETE FROM movie_ratings WHERE user_id = $1 AND movie_id = $2`, [userId, movieId]);
  }

  /**
   * The movie's average score rounded to two decimals, as a JSON number (`float8`; null when
   * nobody rated), and how many rated: its `movie_stats` row, which the write just moved in this
   * transaction, and which the movie objects' `rating` shows.
   */
  async summary(manager: EntityManager, movieId: number): Promise<RatingSummary> {
    const rows: RatingSummary[] = await manager.query(
      `SELECT s.rating_average::float8 AS average, coalesce(s.rating_count, 0) AS count FROM movies m LEFT JOIN movie_stats s ON s.movie_id = m.id WHERE m.id = $1`,
      [movieId],
    );
    return rows[0];
  }
}
