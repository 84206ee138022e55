import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import {
  movieByIdQuery,
  movieByUuidQuery,
  movieCountQuery,
  type MovieFilters,
  moviePageQuery,
  type MovieRow,
  moviesByIdsQuery,
  pageCountsMatches,
  type SqlQuery,
  type ViewerId,
} from './movie-queries';
import type { SortTerm } from './movie-sort';

/** The scalar columns a movie is written with (snake_case keys are the column names). */
export interface MovieValues {
  name: string;
  year: number;
  time: number;
  imdb: number;
  votes: number;
  meta_score: number | null;
  gross: number | null;
  description: string;
  price: string;
  certification_id: number;
}

/** What identifies a movie for the conflict check: `(lower(name), year, time)`. */
export interface MovieKey {
  name: string;
  year: number;
  time: number;
}

export type MovieRelation = 'genres' | 'stars' | 'directors';

const JUNCTIONS: Readonly<Record<MovieRelation, { table: string; column: string }>> = {
  genres: { table: 'movies_genres', column: 'genre_id' },
  stars: { table: 'movies_stars', column: 'star_id' },
  directors: { table: 'movies_directors', column: 'director_id' },
};

/** A page of movies, its count and the catalog version they were taken at (null: not one version). */
export interface MovieRowsPage {
  rows: MovieRow[];
  total: number;
  version: string | null;
}

/** The unique index of `(lower(name), year, time)`. */
export const MOVIE_KEY_INDEX = 'unique_movie_constraint';

/** SQL on `movies` and its link tables. Reads use the shared statements of `movie-queries.ts`. */
@Injectable()
export class MoviesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A page of movies and the number of movies the filters select: two queries on two connections
   * at once, or, for a search, one that also counts (see `pageCountsMatches`) unless the page is
   * past the end. `version` is the catalog version the page and its count were both taken at; it
   * is null for an empty page (no row to say) and when the two statements saw different versions
   * (a write committed between them). The rows' personal fields are `viewer`'s.
   */
  async findPage(filters: MovieFilters, sort: readonly SortTerm[], window: { offset: number; limit: number }, viewer: ViewerId): Promise<MovieRowsPage> {
    const count = async () => (await this.read<{ total: number; catalog_version: string }>(movieCountQuery(filters)))[0];
    const page = () => this.read<MovieRow>(moviePageQuery(filters, sort, window, viewer));
    if (!pageCountsMatches(filters)) {
      const [rows, counted] = await Promise.all([page(), count()]);
      const agreed = rows.length > 0 && rows[0].catalog_version === counted.catalog_version;
      return { rows, total: counted.total, version: agreed ? counted.catalog_version : null };
    }
    const rows = await page();
    if (rows.length > 0) return { rows, total: rows[0].total as number, version: rows[0].catalog_version as string };
    return { rows, total: window.offset === 0 ? 0 : (await count()).total, version: null };
  }

  /** The movies of `ids` in that order (a deleted movie's id gives no row), and the catalog version they were read at. */
  async findByIds(ids: readonly number[], viewer: ViewerId): Promise<{ rows: MovieRow[]; version: string }> {
    const rows = await this.read<MovieRow & { id: number | null }>(moviesByIdsQuery(ids, viewer));
    return { rows: rows.filter((row) => row.id !== null), version: rows[0].catalog_version as string };
  }

  async findByUuid(uuid: string, viewer: ViewerId): Promise<MovieRow | null> {
    const rows = await this.read<MovieRow>(movieByUuidQuery(uuid, viewer));
    return rows[0] ?? null;
  }

  async findById(manager: EntityManager, id: number, viewer: ViewerId): Promise<MovieRow | null> {
    const rows = await this.run<MovieRow>(manager, movieByIdQuery(id, viewer));
    return rows[0] ?? null;
  }

  /**
   * Locks the movie's row until the transaction ends: carts, orders and purchases reference it,
   * so their inserts (which take a key-share lock on it) wait, and the checks made under this
   * lock stay true.
   */
  async lockByUuid(manager: EntityManager, uuid: string): Promise<(MovieKey & { id: number }) | null> {
    const rows: Array<MovieKey & { id: number }> = await manager.query(
      `SELECT id, name, year, time FROM movies WHERE uuid = $1 FOR UPDATE`,
      [uuid],
    );
    return rows[0] ?? null;
  }

  /** True when another movie (not `exceptId`) has the same name (in any case), year and time. */
  async keyTaken(manager: EntityManager, key: MovieKey, exceptId: number | null = null): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM movies WHERE lower(name) = lower($1) AND year = $2 AND time = $3 AND id IS DISTINCT FROM $4`,
      [key.name, key.year, key.time, exceptId],
    );
    return rows.length > 0;
  }

  /** Inserts the movie with a new uuid; a taken key throws the unique violation. */
  async insert(manager: EntityManager, values: MovieValues): Promise<number> {
    const rows: Array<{ id: number }> = await manager.query(
      `INSERT INTO movies (name, year, time, imdb, votes, meta_score, gross, description, price, certification_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [values.name, values.year, values.time, values.imdb, values.votes, values.meta_score, values.gross, values.description, values.price, values.certification_id],
    );
    return rows[0].id;
  }

  /** Sets the given columns and `updated_at`; a taken key throws the unique violation. */
  async update(manager: EntityManager, id: number, values: Partial<MovieValues>): Promise<void> {
    const columns = Object.keys(values) as Array<keyof MovieValues>;
    const assignments = columns.map((column, index) => `${column} = $${index + 2}`);
    await manager.query(`UPDATE movies SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1`, [
      id,
      ...columns.map((column) => values[column]),
    ]);
  }

  /** Makes the movie's links of `relation` exactly `ids`. */
  async replaceLinks(manager: EntityManager, movieId: number, relation: MovieRelation, ids: readonly number[]): Promise<void> {
    const { table, column } = JUNCTIONS[relation];
    await manager.query(`DELETE FROM ${table} WHERE movie_id = $1 AND NOT (${column} = ANY($2::int[]))`, [movieId, ids]);
    await this.addLinks(manager, movieId, relation, ids);
  }

  async addLinks(manager: EntityManager, movieId: number, relation: MovieRelation, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    const { table, column } = JUNCTIONS[relation];
    await manager.query(`INSERT INTO ${table} (movie_id, ${column}) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`, [movieId, ids]);
  }

  async isInCarts(manager: EntityManager, movieId: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM cart_items WHERE movie_id = $1 LIMIT 1`, [movieId]);
    return rows.length > 0;
  }

  /** Sales history: any order item or purchase of the movie (CONTRACT.md B29). */
  async isOrderedOrPurchased(manager: EntityManager, movieId: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM order_items WHERE movie_id = $1) OR EXISTS (SELECT 1 FROM purchases WHERE movie_id = $1)`,
      [movieId],
    );
    return rows.length > 0;
  }

  /** Deletes the movie; its genre, star and director links go with it (foreign-key cascades). */
  async delete(manager: EntityManager, movieId: number): Promise<void> {
    await manager.query(`DELETE FROM movies WHERE id = $1`, [movieId]);
  }

  /** Runs a statement inside the caller's transaction (never prepared: see `SqlQuery.name`). */
  private run<T>(manager: EntityManager, query: SqlQuery): Promise<T[]> {
    return manager.query(query.text, query.values);
  }

  /**
   * Runs a read on a pooled connection of TypeORM's own pool, through node-postgres directly:
   * TypeORM's `query()` cannot name a statement, and a named one is prepared once per connection.
   * Prepared statements live in the database session: behind PgBouncer, use session pooling, or
   * PgBouncer 1.21+ with `max_prepared_statements` in transaction pooling.
   */
  private async read<T>(query: SqlQuery): Promise<T[]> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    return (await pool.query(query)).rows as T[];
  }
}
