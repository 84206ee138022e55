import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ReactionKind } from './entities/movie-reaction.entity';
import { EngagementMoviesRepository } from './engagement-movies.repository';
import { ENGAGEMENT_MESSAGES } from './engagement.messages';
import { type ReactionResponse, toReactionResponse } from './engagement.responses';
import { ReactionsRepository } from './reactions.repository';

/** Likes and dislikes of movies (CONTRACT.md C.3): one reaction per user and movie. */
@Injectable()
export class ReactionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly movies: EngagementMoviesRepository,
    private readonly reactions: ReactionsRepository,
  ) {}

  /**
   * Sets (or switches) the user's reaction; the same reaction again changes nothing. Answers the
   * movie's counts as they are right after the write.
   *
   * @throws NotFoundException `Movie with the given ID was not found.`
   */
  async set(userId: number, movieUuid: string, reaction: ReactionKind): Promise<ReactionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const movieId = await this.movies.lockId(manager, movieUuid);
      if (movieId === null) throw new NotFoundException(ENGAGEMENT_MESSAGES.movieNotFound);
      await this.reactions.upsert(manager, userId, movieId, reaction);
      return toReactionResponse(reaction, await this.reactions.counts(manager, movieId));
    });
  }

  /**
   * Removes the user's reaction, if any (idempotent), and answers the movie's counts.
   *
   * @throws NotFoundException `Movie with the given ID was not found.`
   */
  async clear(userId: number, movieUuid: string): Promise<ReactionResponse> {
    return this.dataSource.transaction(async (manager) => {
      const movieId = await this.movies.lockId(manager, movieUuid);
      if (movieId === null) throw new NotFoundException(ENGAGEMENT_MESSAGES.movieNotFound);
      await this.reactions.delete(manager, userId, movieId);
      return toReactionResponse(null, await this.reactions.counts(manager, movieId));
    });
  }
}
