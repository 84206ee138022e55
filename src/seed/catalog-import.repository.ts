import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CatalogNamesRepository, type NameTable } from '../modules/catalog/catalog-names.repository';
import type { MovieRecord } from './imdb-csv';

/** What one batch did: movies written, and movies skipped because the catalog has them. */
export interface BatchOutcome {
  inserted: number;
  existing: number;
}

type Relation = 'genres' | 'directors' | 'stars';

/** The junction of each relation; relations are resolved in this order (see `findOrCreate`). */
const RELATIONS: ReadonlyArray<readonly [Relation, NameTable, string, string]> = [
  ['genres', 'genres', 'movies_genres', 'genre_id'],
  ['directors', 'directors', 'movies_directors', 'director_id'],
  ['stars', 'stars', 'movies_stars', 'star_id'],
];

const keyOf = (movie: { name: string; year: number; time: number }) => JSON.stringify([movie.name, movie.year, movie.time]);

/**
 * Writes batches of checked movies, a few statements per batch whatever its size. Movies whose
 * (name in any case, year, time) the catalog has are left exactly as they are, and so are the
 * genres, people and certifications they name: importing the same data twice changes nothing.
 */
@Injectable()
export class CatalogImportRepository {
  constructor(private readonly names: CatalogNamesRepository) {}

  async hasMovies(manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM movies LIMIT 1`);
    return rows.length > 0;
  }

  /** Writes `movies` (distinct keys) in the caller's transaction. */
  async writeBatch(manager: EntityManager, movies: readonly MovieRecord[]): Promise<BatchOutcome> {
    const fresh = await this.withoutExisting(manager, movies);
    if (fresh.length === 0) return { inserted: 0, existing: movies.length };

    const certifications = await this.names.findOrCreate(manager, 'certifications', fresh.map((movie) => movie.certification));
    const ids = new Map<Relation, Map<string, number>>();
    for (const [relation, table] of RELATIONS) ids.set(relation, await this.names.findOrCreate(manager, table, fresh.flatMap((movie) => movie[relation])));

    const column = <T>(pick: (movie: MovieRecord) => T) => fresh.map(pick);
    const inserted: Array<{ id: number; name: string; year: number; time: number }> = await manager.query(
      `INSERT INTO movies (name, year, time, imdb, votes, meta_score, gross, description, price, certification_id)
       SELECT * FROM unnest($1::varchar[], $2::int[], $3::int[], $4::float8[], $5::int[], $6::float8[], $7::float8[], $8::text[], $9::numeric[], $10::int[])
       ON CONFLICT (lower(name), year, time) DO NOTHING
       RETURNING id, name, year, time`,
      [
        column((movie) => movie.name),
        column((movie) => movie.year),
        column((movie) => movie.time),
        column((movie) => movie.imdb),
        column((movie) => movie.votes),
        column((movie) => movie.meta_score ?? null),
        column((movie) => movie.gross ?? null),
        column((movie) => movie.description),
        column((movie) => movie.price),
        column((movie) => certifications.get(movie.certification)),
      ],
    );

    const movieIds = new Map(inserted.map((row) => [keyOf(row), row.id]));
    for (const [relation, , junction, foreignKey] of RELATIONS) {
      const named = ids.get(relation) as Map<string, number>;
      const links = fresh.flatMap((movie) => {
        // Absent when a concurrent import inserted the movie first: its links are that import's.
        const movieId = movieIds.get(keyOf(movie));
        return movieId === undefined ? [] : [...new Set(movie[relation].map((name) => named.get(name) as number))].map((id) => [movieId, id]);
      });
      if (links.length === 0) continue;
      await manager.query(`INSERT INTO ${junction} (movie_id, ${foreignKey}) SELECT * FROM unnest($1::int[], $2::int[]) ON CONFLICT DO NOTHING`, [
        links.map(([movieId]) => movieId),
        links.map(([, id]) => id),
      ]);
    }
    return { inserted: inserted.length, existing: movies.length - inserted.length };
  }

  /** The movies whose key is not in the catalog yet. */
  private async withoutExisting(manager: EntityManager, movies: readonly MovieRecord[]): Promise<MovieRecord[]> {
    const rows: Array<{ position: string }> = await manager.query(
      `SELECT given.position FROM unnest($1::varchar[], $2::int[], $3::int[]) WITH ORDINALITY AS given(name, year, time, position)
        WHERE EXISTS (SELECT 1 FROM movies m WHERE lower(m.name) = lower(given.name) AND m.year = given.year AND m.time = given.time)`,
      [movies.map((movie) => movie.name), movies.map((movie) => movie.year), movies.map((movie) => movie.time)],
    );
    const existing = new Set(rows.map((row) => Number(row.position) - 1));
    return movies.filter((_, index) => !existing.has(index));
  }
}
