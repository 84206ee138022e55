import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MovieListQueryDto } from '../catalog/dto/movie-list-query.dto';
import { type MoviePage, MoviesService } from '../catalog/movies.service';
import { EngagementMoviesRepository } from './engagement-movies.repository';
import { ENGAGEMENT_MESSAGES } from './engagement.messages';
import { type DetailResponse, detail } from './engagement.responses';
import { FavoritesRepository } from './favorites.repository';

/** A user's favorite movies (CONTRACT.md C.3). */
@Injectable()
export class FavoritesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly movies: EngagementMoviesRepository,
    private readonly favorites: FavoritesRepository,
    private readonly catalog: MoviesService,
  ) {}

  /**
   * `GET /favorites/`: everything `GET /movies/` offers (filters, search, sort, pagination,
   * links), on the user's favorites only, with the user's personal fields.
   */
  list(userId: number, query: MovieListQueryDto, url: string): Promise<MoviePage> {
    return this.catalog.list(query, url, userId, { favoritesOf: userId });
  }

  /**
   * Adds the movie to the user's favorites; already there answers the same (idempotent).
   *
   * @throws NotFoundException `Movie with the given ID was not found.`
   */
  async add(userId: number, movieUuid: string): Promise<DetailResponse> {
    await this.dataSource.transaction(async (manager) => {
      const movieId = await this.movies.lockId(manager, movieUuid);
      if (movieId === null) throw new NotFoundException(ENGAGEMENT_MESSAGES.movieNotFound);
      await this.favorites.add(manager, userId, movieId);
    });
    return detail(ENGAGEMENT_MESSAGES.favoriteAdded);
  }

  /**
   * Removes the movie from the user's favorites.
   *
   * @throws NotFoundException `Movie with the given ID was not found.`, or `Movie is not in your
   *   favorites.` when it was not there (a second DELETE, or a concurrent one that won).
   */
  async remove(userId: number, movieUuid: string): Promise<DetailResponse> {
    await this.dataSource.transaction(async (manager) => {
      const movieId = await this.movies.lockId(manager, movieUuid);
      if (movieId === null) throw new NotFoundException(ENGAGEMENT_MESSAGES.movieNotFound);
      if (!(await this.favorites.remove(manager, userId, movieId))) throw new NotFoundException(ENGAGEMENT_MESSAGES.notInFavorites);
    });
    return detail(ENGAGEMENT_MESSAGES.favoriteRemoved);
  }
}
