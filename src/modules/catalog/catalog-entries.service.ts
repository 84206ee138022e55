import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { pageMeta, type PageMeta, paginated, type PaginationQueryDto, pageWindow } from '../../common/http/pagination';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { CATALOG_MESSAGES } from './catalog.messages';
import { type DirectorItem, type GenreListItem, message, type MessageResponse, type NamedItem, toDirectorItem, toNamedItem } from './catalog.responses';
import { CatalogNamesRepository, nameIndexOf, type NameRow, type NameTable } from './catalog-names.repository';

/** How one kind of named catalog entry is stored and shown. */
export interface CatalogKind<T, K extends string = string> {
  table: NameTable;
  /** The key of its list in the pagination envelope. */
  listKey: K;
  toResponse: (row: NameRow) => T;
  notFound: string;
}

/** A kind that the API creates, renames and deletes. */
export interface EditableCatalogKind<T, K extends string = string> extends CatalogKind<T, K> {
  exists: (name: string) => string;
  deleted: string;
}

export const GENRES: EditableCatalogKind<NamedItem, 'genres'> = {
  table: 'genres',
  listKey: 'genres',
  toResponse: toNamedItem,
  notFound: CATALOG_MESSAGES.genreNotFound,
  exists: CATALOG_MESSAGES.genreExists,
  deleted: CATALOG_MESSAGES.genreDeleted,
};

export const STARS: EditableCatalogKind<NamedItem, 'stars'> = {
  table: 'stars',
  listKey: 'stars',
  toResponse: toNamedItem,
  notFound: CATALOG_MESSAGES.starNotFound,
  exists: CATALOG_MESSAGES.starExists,
  deleted: CATALOG_MESSAGES.starDeleted,
};

export const DIRECTORS: EditableCatalogKind<DirectorItem, 'directors'> = {
  table: 'directors',
  listKey: 'directors',
  toResponse: toDirectorItem,
  notFound: CATALOG_MESSAGES.directorNotFound,
  exists: CATALOG_MESSAGES.directorExists,
  deleted: CATALOG_MESSAGES.directorDeleted,
};

/** Read-only over HTTP: certifications are created by movie create and update only. */
export const CERTIFICATIONS: CatalogKind<NamedItem, 'certifications'> = {
  table: 'certifications',
  listKey: 'certifications',
  toResponse: toNamedItem,
  notFound: CATALOG_MESSAGES.certificationNotFound,
};

/** The pagination envelope with the kind's list under its own key (`stars`, `directors`, ...). */
export type CatalogPage<T, K extends string> = PageMeta & Record<K, T[]>;

/**
 * Create, read, rename, delete and list for genres, stars, directors and certifications: the same
 * rules for each (reference 5.7 and 5.8 with CONTRACT.md B15). Names are unique
 * case-insensitively; a clash is a 409 on create and on rename alike (the reference gave a 500 on
 * rename).
 */
@Injectable()
export class CatalogEntriesService {
  constructor(private readonly names: CatalogNamesRepository) {}

  /** @throws ConflictException when an entry with the same name, in any case, exists. */
  async create<T>(kind: EditableCatalogKind<T>, name: string): Promise<T> {
    const row = await this.names.insert(kind.table, name);
    if (!row) throw new ConflictException(kind.exists(name));
    return kind.toResponse(row);
  }

  /** @throws NotFoundException */
  async get<T>(kind: CatalogKind<T>, id: number): Promise<T> {
    return kind.toResponse(await this.require(kind, id));
  }

  /** @throws NotFoundException, ConflictException (another entry has that name). */
  async rename<T>(kind: EditableCatalogKind<T>, id: number, name: string): Promise<T> {
    try {
      const row = await this.names.rename(kind.table, id, name);
      if (!row) throw new NotFoundException(kind.notFound);
      return kind.toResponse(row);
    } catch (error) {
      if (isUniqueViolation(error, [nameIndexOf(kind.table)])) throw new ConflictException(kind.exists(name));
      throw error;
    }
  }

  /** Deletes the entry and its movie links; the movies stay. @throws NotFoundException */
  async remove(kind: EditableCatalogKind<unknown>, id: number): Promise<MessageResponse> {
    if (!(await this.names.delete(kind.table, id))) throw new NotFoundException(kind.notFound);
    return message(kind.deleted);
  }

  /** A page in name order, case-insensitively, then by id. */
  async list<T, K extends string>(kind: CatalogKind<T, K>, query: PaginationQueryDto, url: string): Promise<CatalogPage<T, K>> {
    const [rows, total] = await Promise.all([this.names.list(kind.table, pageWindow(query)), this.names.count(kind.table)]);
    return paginated(pageMeta(url, query, total), kind.listKey, rows.map(kind.toResponse));
  }

  /** `GET /movies/genres/`: genres in name order, each with `total_movies`. */
  async listGenres(query: PaginationQueryDto, url: string): Promise<PageMeta & { genres: GenreListItem[] }> {
    const [rows, total] = await Promise.all([this.names.listGenresWithCounts(pageWindow(query)), this.names.count('genres')]);
    return { ...pageMeta(url, query, total), genres: rows.map((row) => ({ name: row.name, id: row.id, total_movies: row.total_movies })) };
  }

  /** @throws NotFoundException with the kind's message. */
  async require(kind: CatalogKind<unknown>, id: number): Promise<NameRow> {
    const row = await this.names.findById(kind.table, id);
    if (!row) throw new NotFoundException(kind.notFound);
    return row;
  }
}
