import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReactionKind } from './entities/movie-reaction.entity';
import type { ReactionCounts } from './engagement.responses';

/** SQL on `movie_reactions`: one like or dislike per user and movie. */
@Injectable()
export class ReactionsRepository {
  /**
   * Sets the user's reaction to the movie in one statement: concurrent calls (double clicks)
   * meet on the primary key and never fail or duplicate. `updated_at` moves only on a change.
   */
  async upsert(manager: EntityManager, userId: number, movieId: number, reaction: ReactionKind): Promise<void> {
    await manager.query(
      `INSERT INTO movie_reactions (user_id, movie_id, reaction) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, movie_id) DO UPDATE SET reaction = EXCLUDED.reaction, updated_at = now()
        WHERE movie_reactions.reaction IS DISTINCT FROM EXCLUDED.reaction`,
      [userId, movieId, reaction],
    );
  }

  async delete(manager: EntityManager, userId: number, movieId: number): Promise<void> {
    await manager.query(`DELETE FROM movie_reactions WHERE user_id = $1 AND movie_id = $2`, [userId, movieId]);
  }

  /** The movie's likes and dislikes: its `movie_stats` row, which the write just moved in this transaction. */
  async counts(manager: EntityManager, movieId: number): Promise<ReactionCounts> {
    const rows: ReactionCounts[] = await manager.query(`SELECT coalesce(s.likes, 0) AS likes, coalesce(s.dislikes, 0) AS dislikes FROM movies m LEFT JOIN movie_stats s ON s.movie_id = m.id WHERE m.id = $1`, [movieId]);
    return rows[0];
  }
}
