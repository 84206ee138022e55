import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { pageMeta, type PageMeta, PaginationQueryDto, pageWindow } from '../../common/http/pagination';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { NotificationsService } from '../notifications/notifications.service';
import { CATALOG_MESSAGES } from './catalog.messages';
import { message, type MessageResponse, type MovieResponse, toMovieResponse } from './catalog.responses';
import { CatalogNamesRepository, type NameTable } from './catalog-names.repository';
import type { CreateMovieDto, UpdateMovieDto } from './dto/movie.dto';
import type { MovieListQueryDto } from './dto/movie-list-query.dto';
import { MoviePageCache } from './movie-page-cache';
import type { MovieFilters, MovieRow, ViewerId } from './movie-queries';
import { parseSort, type SortTerm } from './movie-sort';
import { MOVIE_KEY_INDEX, type MovieKey, type MovieRelation, MoviesRepository, type MovieValues } from './movies.repository';

export type MoviePage = PageMeta & { movies: MovieResponse[] };

export type GenreMoviesPage = PageMeta & { id: number; name: string; movies: MovieResponse[] };

/** The relations a movie body names, in the order their names are resolved (see `resolveNames`). */
const RELATIONS: ReadonlyArray<readonly [MovieRelation, NameTable]> = [
  ['genres', 'genres'],
  ['directors', 'directors'],
  ['stars', 'stars'],
];

/** Python's `str(float)` for the reference's float filters in links (`imdb=7.0`). */
function pythonFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

const optionalText = (value: number | undefined) => (value === undefined ? undefined : String(value));

@Injectable()
export class MoviesService {
  private readonly logger = new Logger(MoviesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly movies: MoviesRepository,
    private readonly names: CatalogNamesRepository,
    private readonly pageCache: MoviePageCache,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * `GET /movies/`: the filtered, sorted page and its count. Links carry every filter given and
   * `sort` (CONTRACT.md A), the reference's filters first, in its order. The movies' personal
   * fields are `viewer`'s; with `scope.favoritesOf`, only that user's favorites are listed
   * (`GET /favorites/`, with the same filters, sort and links).
   */
  async list(query: MovieListQueryDto, url: string, viewer: ViewerId, scope: Pick<MovieFilters, 'favoritesOf'> = {}): Promise<MoviePage> {
    const filters: MovieFilters = {
      ...scope,
      search: query.search,
      year: query.year,
      yearFrom: query.year_from,
      yearTo: query.year_to,
      imdb: query.imdb,
      imdbMin: query.imdb_min,
      imdbMax: query.imdb_max,
      priceMin: query.price_min,
      priceMax: query.price_max,
      genre: query.genre,
      star: query.star,
      director: query.director,
      certification: query.certification,
    };
    const { rows, total } = await this.cachedPage(filters, parseSort(query.sort), pageWindow(query), viewer);
    // `year` and `imdb` are dropped from links when 0, as they are ignored then; the ranges are
    // sent as text so that a bound of 0 stays.
    const links = [
      ['year', query.year],
      ['imdb', query.imdb ? pythonFloat(query.imdb) : undefined],
      ['genre', query.genre],
      ['certification', query.certification],
      ['search', query.search],
      ['year_from', optionalText(query.year_from)],
      ['year_to', optionalText(query.year_to)],
      ['imdb_min', query.imdb_min === undefined ? undefined : pythonFloat(query.imdb_min)],
      ['imdb_max', query.imdb_max === undefined ? undefined : pythonFloat(query.imdb_max)],
      ['price_min', query.price_min],
      ['price_max', query.price_max],
      ['star', query.star],
      ['director', query.director],
      ['sort', query.sort],
    ] as const;
    return { ...pageMeta(url, query, total, links), movies: rows.map(toMovieResponse) };
  }

  /**
   * `GET /movies/genres/{id}/`: the genre and a page of its movies as full movie objects
   * (CONTRACT.md B21), in the list's default order.
   *
   * @throws NotFoundException `Genre with the given ID was not found.`
   */
  async listByGenre(genreId: number, query: PaginationQueryDto, url: string, viewer: ViewerId): Promise<GenreMoviesPage> {
    const genre = await this.names.findById('genres', genreId);
    if (!genre) throw new NotFoundException(CATALOG_MESSAGES.genreNotFound);
    const { rows, total } = await this.cachedPage({ genreId }, parseSort(undefined), pageWindow(query), viewer);
    return { ...pageMeta(url, query, total), id: genre.id, name: genre.name, movies: rows.map(toMovieResponse) };
  }

  /**
   * The movie, with `viewer`'s personal fields.
   *
   * @throws NotFoundException `Movie with the given ID was not found.`
   */
  async get(uuid: string, viewer: ViewerId): Promise<MovieResponse> {
    const row = await this.movies.findByUuid(uuid, viewer);
    if (!row) throw new NotFoundException(CATALOG_MESSAGES.movieNotFound);
    return toMovieResponse(row);
  }

  /**
   * Creates the movie with its certification, genres, directors and stars, found by exact,
   * case-insensitive name or created, all in one transaction. The answer's personal fields are
   * `viewer`'s (the moderator's).
   *
   * @throws ConflictException when a movie with the same name (in any case), year and time exists.
   */
  async create(input: CreateMovieDto, viewer: ViewerId): Promise<MovieResponse> {
    const key: MovieKey = { name: input.name, year: input.year, time: input.time };
    return this.dataSource.transaction(async (manager) => {
      if (await this.movies.keyTaken(manager, key)) throw keyConflict(key);
      const [certificationId] = await this.resolveNames(manager, 'certifications', [input.certification]);
      const related = await this.resolveRelations(manager, input);
      const movieId = await this.movies
        .insert(manager, {
          name: input.name,
          year: input.year,
          time: input.time,
          imdb: input.imdb,
          votes: input.votes,
          meta_score: input.meta_score ?? null,
          gross: input.gross ?? null,
          description: input.description,
          price: input.price,
          certification_id: certificationId,
        })
        .catch(rethrowKeyConflict(key));
      for (const [relation, ids] of related) await this.movies.addLinks(manager, movieId, relation, ids);
      return this.load(manager, movieId, viewer);
    });
  }

  /**
   * Applies the fields present in `input` (the lists replace the movie's links), under a lock on
   * the movie, with the same rules and conflict check as `create`; the answer's personal fields
   * are `viewer`'s.
   *
   * @throws NotFoundException when there is no such movie.
   * @throws ConflictException when the new name, year and time are another movie's.
   */
  async update(uuid: string, input: UpdateMovieDto, viewer: ViewerId): Promise<MovieResponse> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.movies.lockByUuid(manager, uuid);
      if (!current) throw new NotFoundException(CATALOG_MESSAGES.movieNotFound);
      const key: MovieKey = { name: input.name ?? current.name, year: input.year ?? current.year, time: input.time ?? current.time };
      if (await this.movies.keyTaken(manager, key, current.id)) throw keyConflict(key);
      const values: Partial<MovieValues> = pickDefined({
        name: input.name,
        year: input.year,
        time: input.time,
        imdb: input.imdb,
        votes: input.votes,
        meta_score: input.meta_score,
        gross: input.gross,
        description: input.description,
        price: input.price,
      });
      if (input.certification !== undefined) [values.certification_id] = await this.resolveNames(manager, 'certifications', [input.certification]);
      const related = await this.resolveRelations(manager, input);
      await this.movies.update(manager, current.id, values).catch(rethrowKeyConflict(key));
      for (const [relation, ids] of related) await this.movies.replaceLinks(manager, current.id, relation, ids);
      return this.load(manager, current.id, viewer);
    });
  }

  /**
   * Deletes the movie unless it is in a cart or in sales history (CONTRACT.md B29).
   *
   * @throws NotFoundException when there is no such movie.
   * @throws BadRequestException with the reference's message for carts, or for orders and purchases.
   *   Refused for carts, `requesterId` (the moderator or admin) also gets a `movie_in_carts`
   *   notification (CONTRACT.md C.4).
   */
  async remove(uuid: string, requesterId: number): Promise<MessageResponse> {
    let inCarts: { id: number; name: string } | null = null;
    try {
      await this.dataSource.transaction(async (manager) => {
        const movie = await this.movies.lockByUuid(manager, uuid);
        if (!movie) throw new NotFoundException(CATALOG_MESSAGES.movieNotFound);
        if (await this.movies.isInCarts(manager, movie.id)) {
          inCarts = movie;
          throw new BadRequestException(CATALOG_MESSAGES.movieInCarts);
        }
        if (await this.movies.isOrderedOrPurchased(manager, movie.id)) throw new BadRequestException(CATALOG_MESSAGES.moviePurchased);
        await this.movies.delete(manager, movie.id);
      });
    } catch (error) {
      // Written after the rollback, in a transaction of its own, so that it survives the refusal;
      // best effort: the refusal is the answer, whatever becomes of the notification.
      if (inCarts) {
        await this.notifications.notifyMovieInCarts(requesterId, inCarts).catch((failure: Error) => {
          this.logger.warn(`movie_in_carts notification not written: ${failure.message}`);
        });
      }
      throw error;
    }
    return message(CATALOG_MESSAGES.movieDeleted);
  }

  /**
   * A page and its count, through the page cache: a cached page is served when the catalog
   * version its movies are read at is still the one it was computed at (see `MoviePageCache`).
   * The cache holds ids only and the rows are always read fresh, with `viewer`'s personal fields,
   * so one cached page serves every viewer and engagement counts are never stale.
   */
  private async cachedPage(
    filters: MovieFilters,
    sort: readonly SortTerm[],
    window: { offset: number; limit: number },
    viewer: ViewerId,
  ): Promise<{ rows: MovieRow[]; total: number }> {
    const key = this.pageCache.keyOf(filters, sort, window);
    const cached = key === null ? null : await this.pageCache.get(key);
    if (cached) {
      const current = await this.movies.findByIds(cached.ids, viewer);
      if (current.version === cached.version) return { rows: current.rows, total: cached.total };
    }
    const page = await this.movies.findPage(filters, sort, window, viewer);
    if (key !== null && page.version !== null) {
      await this.pageCache.set(key, { version: page.version, ids: page.rows.map((row) => row.id), total: page.total });
    }
    return page;
  }

  /**
   * The ids of the relations `input` names, resolved in a fixed order of tables (certifications
   * first, by the caller) so that concurrent transactions lock new names in the same order.
   */
  private async resolveRelations(manager: EntityManager, input: Partial<CreateMovieDto>): Promise<Array<[MovieRelation, number[]]>> {
    const related: Array<[MovieRelation, number[]]> = [];
    for (const [relation, table] of RELATIONS) {
      const names = input[relation];
      if (names) related.push([relation, await this.resolveNames(manager, table, names)]);
    }
    return related;
  }

  /** The ids of `names` (found or created), without repeats. */
  private async resolveNames(manager: EntityManager, table: NameTable, names: readonly string[]): Promise<number[]> {
    const ids = await this.names.findOrCreate(manager, table, names);
    return [...new Set(names.map((name) => ids.get(name) as number))];
  }

  private async load(manager: EntityManager, movieId: number, viewer: ViewerId): Promise<MovieResponse> {
    const row = await this.movies.findById(manager, movieId, viewer);
    if (!row) throw new Error(`movie ${movieId} vanished inside its own transaction`);
    return toMovieResponse(row);
  }
}

function keyConflict(key: MovieKey): ConflictException {
  return new ConflictException(CATALOG_MESSAGES.movieExists(key.name, key.year, key.time));
}

/**
 * Two requests that pass the conflict check at once both write: the loser's unique violation
 * becomes the same 409 (and its transaction is rolled back).
 */
function rethrowKeyConflict(key: MovieKey): (error: unknown) => never {
  return (error) => {
    throw isUniqueViolation(error, [MOVIE_KEY_INDEX]) ? keyConflict(key) : error;
  };
}

/** The entries whose value is not `undefined` (an explicit `null` is kept). */
function pickDefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
