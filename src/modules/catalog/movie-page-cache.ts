import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { InjectRedis } from '../../core/redis/redis.module';
import type { MovieFilters } from './movie-queries';
import type { SortTerm } from './movie-sort';

/** What a cached page holds: the ids of its movies, in order, and the count of the filters' matches. */
export interface CachedPage {
  ids: number[];
  total: number;
}

/** What `read` found, and what `write` needs to store a page computed after a miss. */
export interface PageLookup {
  page: CachedPage | null;
  /** Where and under which catalog version to store the page; `null`: the cache is off or unreachable. */
  slot: { key: string; version: string } | null;
}

const NO_CACHE: PageLookup = { page: null, slot: null };

/** The Redis key of the catalog version, which every catalog write moves on. */
export function catalogVersionKey(redisPrefix: string): string {
  return `${redisPrefix}:catalog:version`;
}

/**
 * Moves the catalog version on, so that every cached page becomes a miss. A version that is
 * missing (a new or emptied Redis) starts from the clock, in microseconds, never from a small
 * number an older generation of pages may still carry.
 */
export async function bumpCatalogVersion(redis: Redis, redisPrefix: string): Promise<void> {
  const key = catalogVersionKey(redisPrefix);
  await redis.multi().set(key, String(Date.now() * 1000), 'NX').incr(key).exec();
}

/**
 * Cache-aside for movie list pages (`GET /movies/` and the movies of a genre), in Redis and
 * shared by every replica.
 *
 * A search has to find and count all of its matches through four trigram indexes before it can
 * sort them, a first page counts the whole catalog; what comes out is a few ids and a number. So
 * the cache keeps just that, keyed by the filters, the order and the window, and tagged with the
 * catalog version read *before* the page was computed. The movies themselves are always read
 * from PostgreSQL by id, so a cached page shows current prices, names and links.
 *
 * Every catalog write made through the API calls `invalidate()` after its commit, which moves the
 * version on: a page stored under an older version is a miss. A page computed from data older
 * than a write can only be stored under a version older than that write's bump, so no reader
 * sees it once the writer has answered. Writes that bypass the API and the seed command (plain
 * SQL) show within `CATALOG_CACHE_TTL`. Redis trouble never fails a list: it is served from
 * PostgreSQL, uncached.
 */
@Injectable()
export class MoviePageCache {
  private readonly logger = new Logger(MoviePageCache.name);
  private readonly versionKey: string;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.versionKey = catalogVersionKey(config.redisPrefix);
  }

  get enabled(): boolean {
    return this.config.catalogCacheTtl > 0;
  }

  /** The cached page for this query, if it was stored under the current catalog version. One round trip. */
  async read(filters: MovieFilters, sort: readonly SortTerm[], window: { offset: number; limit: number }): Promise<PageLookup> {
    if (!this.enabled) return NO_CACHE;
    const key = this.pageKey(filters, sort, window);
    let version: string | null;
    let stored: string | null;
    try {
      [version, stored] = await this.redis.mget(this.versionKey, key);
    } catch (error) {
      this.logger.debug(`page cache unavailable: ${(error as Error).message}`);
      return NO_CACHE;
    }
    if (version === null) {
      // No version yet: start one for the next request; this one is computed without the cache.
      await bumpCatalogVersion(this.redis, this.config.redisPrefix).catch(() => undefined);
      return NO_CACHE;
    }
    return { page: parseEntry(stored, version), slot: { key, version } };
  }

  /** Stores a page computed after a miss, under the version read before computing it. Best effort. */
  async write(slot: PageLookup['slot'], page: CachedPage): Promise<void> {
    if (!slot) return;
    const entry = JSON.stringify({ version: slot.version, total: page.total, ids: page.ids });
    await this.redis.set(slot.key, entry, 'EX', this.config.catalogCacheTtl).catch((error: Error) => {
      this.logger.debug(`page cache not written: ${error.message}`);
    });
  }

  /**
   * Called after every committed catalog write. A failure is logged, not thrown: the write has
   * happened, and the pages cached before it expire within `CATALOG_CACHE_TTL`.
   */
  async invalidate(): Promise<void> {
    if (!this.enabled) return;
    await bumpCatalogVersion(this.redis, this.config.redisPrefix).catch((error: Error) => {
      this.logger.warn(`catalog cache not invalidated (pages may lag for up to ${this.config.catalogCacheTtl} s): ${error.message}`);
    });
  }

  private pageKey(filters: MovieFilters, sort: readonly SortTerm[], window: { offset: number; limit: number }): string {
    // Keys sorted and undefined dropped, so equal queries give equal keys however they were built.
    const definedFilters = Object.fromEntries(
      Object.entries(filters)
        .filter(([, value]) => value !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    const query = JSON.stringify([definedFilters, sort.map((term) => [term.column, term.descending]), window.offset, window.limit]);
    return `${this.config.redisPrefix}:catalog:page:${createHash('sha256').update(query).digest('base64url')}`;
  }
}

/** The page of a stored entry, when it was stored under `version` and is well-formed. */
function parseEntry(stored: string | null, version: string): CachedPage | null {
  if (stored === null) return null;
  try {
    const entry = JSON.parse(stored) as { version?: unknown; total?: unknown; ids?: unknown };
    if (entry.version !== version || typeof entry.total !== 'number' || !Array.isArray(entry.ids)) return null;
    if (!entry.ids.every((id) => Number.isSafeInteger(id))) return null;
    return { total: entry.total, ids: entry.ids as number[] };
  } catch {
    return null;
  }
}
