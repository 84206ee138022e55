import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The four tables of named catalog entries. Each has `id` and `name`, names stored as given and
 * unique case-insensitively (`ux_<table>_name_lower`, CONTRACT.md B15).
 */
export type NameTable = 'genres' | 'stars' | 'directors' | 'certifications';

export interface NameRow {
  id: number;
  name: string;
}

export interface GenreCountRow extends NameRow {
  total_movies: number;
}

/** The unique index that keeps a table's names distinct, as a violation names it. */
export function nameIndexOf(table: NameTable): string {
  return `ux_${table}_name_lower`;
}

const FIND_OR_CREATE_ATTEMPTS = 3;

/** SQL on the named-entry tables. `table` always comes from code, never from a request. */
@Injectable()
export class CatalogNamesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The ids of `names`, matched exactly and case-insensitively, creating the missing ones;
   * keyed by the given strings. In the caller's transaction: the insert skips names that exist or
   * that a concurrent transaction is inserting (it waits for that one to commit), then the select,
   * with a fresh snapshot, sees them all and key-share locks them so that they cannot be deleted
   * before the caller commits. A name deleted between the two statements is inserted again. Names
   * are inserted in a fixed order, so two transactions never wait for each other in a cycle.
   */
  async findOrCreate(manager: EntityManager, table: NameTable, names: readonly string[]): Promise<Map<string, number>> {
    const ordered = [...new Set(names)].sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b));
    const ids = new Map<string, number>();
    for (let attempt = 1; ids.size < ordered.length; attempt += 1) {
      if (attempt > FIND_OR_CREATE_ATTEMPTS) throw new Error(`${table}: names keep disappearing while being resolved`);
      const missing = ordered.filter((name) => !ids.has(name));
      await manager.query(`INSERT INTO ${table} (name) SELECT unnest($1::varchar[]) ON CONFLICT (lower(name)) DO NOTHING`, [missing]);
      const rows: Array<{ input: string; id: number }> = await manager.query(
        `SELECT given.name AS input, x.id FROM unnest($1::varchar[]) AS given(name)
           JOIN ${table} x ON lower(x.name) = lower(given.name) FOR KEY SHARE OF x`,
        [missing],
      );
      for (const row of rows) ids.set(row.input, row.id);
    }
    return ids;
  }

  async findById(table: NameTable, id: number): Promise<NameRow | null> {
    const rows: NameRow[] = await this.dataSource.query(`SELECT id, name FROM ${table} WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The new row, or null when the name exists (in any case). */
  async insert(table: NameTable, name: string): Promise<NameRow | null> {
    const rows: NameRow[] = await this.dataSource.query(
      `INSERT INTO ${table} (name) VALUES ($1) ON CONFLICT (lower(name)) DO NOTHING RETURNING id, name`,
      [name],
    );
    return rows[0] ?? null;
  }

  /** The renamed row, or null when there is no such id; a taken name throws the unique violation. */
  async rename(table: NameTable, id: number, name: string): Promise<NameRow | null> {
    const rows: [NameRow[], number] = await this.dataSource.query(`UPDATE ${table} SET name = $1 WHERE id = $2 RETURNING id, name`, [name, id]);
    return rows[0][0] ?? null;
  }

  /** Deletes the row and, through the foreign keys, its movie links; false when there is none. */
  async delete(table: NameTable, id: number): Promise<boolean> {
    const rows: [NameRow[], number] = await this.dataSource.query(`DELETE FROM ${table} WHERE id = $1 RETURNING id`, [id]);
    return rows[1] > 0;
  }

  count(table: NameTable): Promise<number> {
    return this.dataSource.query(`SELECT count(*)::int AS total FROM ${table}`).then((rows: Array<{ total: number }>) => rows[0].total);
  }

  /** A page in name order (case-insensitive), ties broken by id. */
  list(table: NameTable, window: { offset: number; limit: number }): Promise<NameRow[]> {
    return this.dataSource.query(`SELECT id, name FROM ${table} ORDER BY lower(name), id LIMIT $1 OFFSET $2`, [window.limit, window.offset]);
  }

  /** A page of genres in name order, each with its number of movies. */
  listGenresWithCounts(window: { offset: number; limit: number }): Promise<GenreCountRow[]> {
    return this.dataSource.query(
      `SELECT g.id, g.name, (SELECT count(*)::int FROM movies_genres j WHERE j.genre_id = g.id) AS total_movies
         FROM (SELECT id, name FROM genres ORDER BY lower(name), id LIMIT $1 OFFSET $2) g
        ORDER BY lower(g.name), g.id`,
      [window.limit, window.offset],
    );
  }
}

/** Code-point order, the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
