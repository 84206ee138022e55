import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EngagementMoviesRepository } from './engagement-movies.repository';
import { ENGAGEMENT_MESSAGES } from './engagement.messages';
import { type RatingResponse, toRatingResponse } from './engagement.responses';
import { RatingsRepository } from './ratings.repository';

/** Users' scores of movies, 1 to 10 (CONTRACT.md C.3): one per user and movie. */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly movies: EngagementMoviesRepository,
    private readonly ratings: RatingsRepository,
  ) {}

  /**
   * Sets (or changes) the user's score and answers the movie's ratings right after the write.
   *
   * @throws NotFoundException `Movie with the given ID was not found.`
   */
  async set(userId: number, movieUuid: string, score: number): Promise<RatingResponse> {
    return this.dataSource.transaction(async (manager) => {
      const movieId = await this.movies.lockId(manager, movieUuid);
      if (movieId === null) throw new NotFoundException(ENGAGEMENT_MESSAGES.movieNotFound);
      await this.ratings.upsert(manager, userId, movieId, score);
      return toRatingResponse(score, await this.ratings.summary(manager, movieId));
    });
  }

  /**
   * Removes the user's score, if any (idempotent), and answers the movie's ratings.
   *
   * @throws NotFoundException `Movie with the given ID was not found.`
   */
  async clear(userId: number, movieUuid: string): Promise<RatingResponse> {
    return this.dataSource.transaction(async (manager) => {
      const movieId = await this.movies.lockId(manager, movieUuid);
      if (movieId === null) throw new NotFoundException(ENGAGEMENT_MESSAGES.movieNotFound);
      await this.ratings.delete(manager, userId, movieId);
      return toRatingResponse(null, await this.ratings.summary(manager, movieId));
    });
  }
}
