import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { InjectRedis } from '../../core/redis/redis.module';
import { withTimeout } from '../../core/redis/with-timeout';
import type { MovieFilters } from './movie-queries';
import { type SortTerm, sortsByRating } from './movie-sort';

/** What a cached page holds: its movies' ids in order, the filters' match count, and the catalog version of both. */
export interface CachedPage {
  version: string;
  ids: number[];
  total: number;
}

/**
 * Longest wait for the cache on a request's path. A healthy local Redis answers in well under a
 * millisecond; a hanging one must cost a list no more than this before it is computed without.
 */
const REDIS_TIMEOUT_MS = 100;

/**
 * Cache-aside for movie list pages (`GET /movies/` and the movies of a genre), in Redis and
 * shared by every replica.
 *
 * A search has to find and count all of its matches through four trigram indexes before it can
 * sort them, a first page counts the whole catalog; what comes out is a few ids and a number. So
 * the cache keeps just that, keyed by the filters, the order and the window, together with the
 * catalog version (`catalog_state.version`) the page's statement saw. A hit reads the page's
 * movies by id, and the current version in the same statement: if the version has moved, the
 * page is computed anew. PostgreSQL moves the version on at the commit of every change to what
 * lists show (triggers of migration `CatalogVersion`), whoever makes it, so a cached page is
 * never older than the movies it is shown with; Redis holds no state that correctness depends
 * on. A Redis that fails or hangs costs a list at most `REDIS_TIMEOUT_MS`, never an error.
 *
 * Memory: one small entry (a few hundred bytes) per distinct page asked for within
 * `CATALOG_CACHE_TTL`; new entries come only from pages computed in PostgreSQL, so they grow no
 * faster than the database can compute pages.
 */
@Injectable()
export class MoviePageCache {
  private readonly logger = new Logger(MoviePageCache.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * The key of a page, or null when the page is not cached: the cache is off
   * (`CATALOG_CACHE_TTL=0`); a user's favorites (personal, and favorites do not move the catalog
   * version); an order by the users' ratings (ratings do not move it either, so such a page could
   * be stale).
   */
  keyOf(filters: MovieFilters, sort: readonly SortTerm[], window: { offset: number; limit: number }): string | null {
    if (this.config.catalogCacheTtl === 0) return null;
    if (filters.favoritesOf !== undefined || sortsByRating(sort)) return null;
    // Keys sorted and undefined dropped, so equal queries give equal keys however they were built.
    const definedFilters = Object.fromEntries(
      Object.entries(filters)
        .filter(([, value]) => value !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    const query = JSON.stringify([definedFilters, sort.map((term) => [term.column, term.descending]), window.offset, window.limit]);
    return `${this.config.redisPrefix}:catalog:page:${createHash('sha256').update(query).digest('base64url')}`;
  }

  /** The page stored under `key`, if any and well-formed; the caller checks its version. */
  async get(key: string): Promise<CachedPage | null> {
    const stored = await this.call('read', () => this.redis.get(key));
    return stored ? parseEntry(stored) : null;
  }

  /** Stores a page for `CATALOG_CACHE_TTL`. Best effort. */
  async set(key: string, page: CachedPage): Promise<void> {
    const entry = JSON.stringify({ version: page.version, total: page.total, ids: page.ids });
    await this.call('write', () => this.redis.set(key, entry, 'EX', this.config.catalogCacheTtl));
  }

  /** Runs a Redis command within `REDIS_TIMEOUT_MS`; a failure is logged at debug level and gives null. */
  private async call<T>(what: string, command: () => Promise<T>): Promise<T | null> {
    try {
      return await withTimeout(command(), REDIS_TIMEOUT_MS);
    } catch (error) {
      this.logger.debug(`page cache ${what} skipped: ${(error as Error).message}`);
      return null;
    }
  }
}

/** The page of a stored entry, or null when it is not one this code wrote. */
function parseEntry(stored: string): CachedPage | null {
  try {
    const entry = JSON.parse(stored) as { version?: unknown; total?: unknown; ids?: unknown };
    if (typeof entry.version !== 'string' || !Number.isSafeInteger(entry.total) || !Array.isArray(entry.ids)) return null;
    if (!entry.ids.every((id) => Number.isSafeInteger(id))) return null;
    return { version: entry.version, total: entry.total as number, ids: entry.ids as number[] };
  } catch {
    return null;
  }
}
