import { orderByClause, type SortTerm, sortsByRating } from './movie-sort';

/**
 * The SQL of the movie reads, as node-postgres query configs: `MoviesRepository` runs them, and
 * so does the benchmark's bare `node:http` + `pg` baseline, which must run the same SQL.
 */
export interface SqlQuery {
  /**
   * Set on statements whose text never changes: node-postgres then prepares them once per
   * connection, and PostgreSQL plans them once instead of on every call (planning the movie
   * columns' three subqueries costs about as much as running them for a page). Statements built
   * from the filters are left unnamed: their texts are too many to keep prepared.
   */
  name?: string;
  text: string;
  values: unknown[];
}

/** A movie row as `MOVIE_COLUMNS` selects it (snake_case, as the API sends it). */
export interface MovieRow {
  id: number;
  year: number;
  name: string;
  imdb: number;
  description: string;
  /** `numeric(10,2)` as text: always two decimals. */
  price: string;
  certification: string;
  uuid: string;
  time: number;
  votes: number;
  meta_score: number | null;
  gross: number | null;
  genres: Array<{ id: number; name: string }>;
  directors: Array<{ id: number; name: string }>;
  stars: Array<{ id: number; name: string }>;
  /** Engagement (CONTRACT.md C.3): every user's reactions and ratings of the movie. */
  likes: number;
  dislikes: number;
  /** The users' average score rounded to two decimals (null without ratings) and how many rated. */
  rating: { average: number | null; count: number };
  /** The viewer's own engagement: null / false for an anonymous viewer. */
  my_reaction: 'like' | 'dislike' | null;
  my_rating: number | null;
  is_favorite: boolean;
  is_purchased: boolean;
  /** How many movies the filters select, on the rows of a page that counts them (`pageCountsMatches`). */
  total?: number;
  /** `catalog_state.version` as the statement saw it (see `CATALOG_VERSION`), on the rows of list pages. */
  catalog_version?: string;
}

/**
 * The catalog version (migration `CatalogVersion`) as the statement that selects it sees the
 * catalog: one statement, one snapshot, so it dates the rows it comes with exactly.
 */
const CATALOG_VERSION = `(SELECT s.version::text FROM catalog_state s)`;

/** The filters of `GET /movies/` (reference 5.6 and CONTRACT.md C.1), all ANDed. */
export interface MovieFilters {
  /** Title, description, star or director name contains it (case-insensitive, literal). */
  search?: string;
  year?: number;
  yearFrom?: number;
  yearTo?: number;
  /** Exact equality, as the reference does. */
  imdb?: number;
  imdbMin?: number;
  imdbMax?: number;
  /** Decimal strings, compared as `numeric`. */
  priceMin?: string;
  priceMax?: string;
  /** Some genre / star / director of the movie has a name containing it (case-insensitive, literal). */
  genre?: string;
  star?: string;
  director?: string;
  /** The certification's name equals it, case-insensitively. */
  certification?: string;
  /** The movie belongs to this genre (the movies of `GET /movies/genres/{id}/`). */
  genreId?: number;
  /** The movie is a favorite of this user (the movies of `GET /favorites/`). */
  favoritesOf?: number;
}

/** Who a movie's personal fields (`my_reaction`, `is_favorite`, ...) are for: a user id, or null for anonymous. */
export type ViewerId = number | null;

/**
 * Each relation as a JSON array built by a correlated subquery: one round trip for a page of
 * movies with everything they show, and no N+1. Items are ordered by name, then id.
 */
const relation = (junction: string, column: string, table: string, item: string) => `
  COALESCE((
    SELECT json_agg(${item} ORDER BY lower(x.name), x.id)
      FROM ${junction} j JOIN ${table} x ON x.id = j.${column}
     WHERE j.movie_id = m.id
  ), '[]'::json)`;

/**
 * The engagement totals, from the movie's `movie_stats` row (`s`, see `MOVIE_JOINS`), which
 * triggers keep in step with every reaction and rating.
 */
const ENGAGEMENT_COLUMNS = `,
  coalesce(s.likes, 0) AS likes, coalesce(s.dislikes, 0) AS dislikes,
  json_build_object('average', s.rating_average::float8, 'count', coalesce(s.rating_count, 0)) AS rating`;

/** What a movie row is read with: its certification `c` and its engagement totals `s`. */
const MOVIE_JOINS = `JOIN certifications c ON c.id = m.certification_id LEFT JOIN movie_stats s ON s.movie_id = m.id`;

/**
 * The viewer's own engagement, from the `(user_id, movie_id)` keys; `viewer` is the placeholder
 * of the viewer's id. An anonymous viewer gets constants instead, in a statement of its own: were
 * it the same statement with a null id, PostgreSQL would see that a custom plan for null skips
 * these subqueries and re-plan the statement on every call instead of keeping its generic plan
 * (planning it costs more than running it).
 */
const viewerColumns = (viewer: string | null) =>
  viewer === null
    ? `, NULL::text AS my_reaction, NULL::int AS my_rating, false AS is_favorite, false AS is_purchased`
    : `,
  (SELECT r.reaction::text FROM movie_reactions r WHERE r.user_id = ${viewer}::int AND r.movie_id = m.id) AS my_reaction,
  (SELECT r.score::int FROM movie_ratings r WHERE r.user_id = ${viewer}::int AND r.movie_id = m.id) AS my_rating,
  EXISTS (SELECT 1 FROM favorites f WHERE f.user_id = ${viewer}::int AND f.movie_id = m.id) AS is_favorite,
  EXISTS (SELECT 1 FROM purchases p WHERE p.user_id = ${viewer}::int AND p.movie_id = m.id) AS is_purchased`;

/** Every column of a movie row; the viewer's fields for the id in placeholder `viewer`, or anonymous ones. */
const movieColumns = (viewer: string | null) => `${MOVIE_COLUMNS}${ENGAGEMENT_COLUMNS}${viewerColumns(viewer)}`;

const MOVIE_COLUMNS = `
  m.id, m.year, m.name, m.imdb, m.description, m.price::text AS price, c.name AS certification,
  m.uuid, m.time, m.votes, m.meta_score, m.gross,
  ${relation('movies_genres', 'genre_id', 'genres', `json_build_object('name', x.name, 'id', x.id)`)} AS genres,
  ${relation('movies_directors', 'director_id', 'directors', `json_build_object('id', x.id, 'name', x.name)`)} AS directors,
  ${relation('movies_stars', 'star_id', 'stars', `json_build_object('name', x.name, 'id', x.id)`)} AS stars`;

/** `ILIKE` pattern for "contains `text`", with `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `EXISTS` over one to-many relation: never a join that would multiply the movie rows. */
const linkedNameMatches = (junction: string, column: string, table: string, pattern: string) =>
  `EXISTS (SELECT 1 FROM ${junction} j JOIN ${table} x ON x.id = j.${column} WHERE j.movie_id = m.id AND x.name ILIKE ${pattern})`;

function whereClause(filters: MovieFilters, params: Parameters): string {
  const conditions: string[] = [];
  const add = (condition: string) => conditions.push(condition);
  if (filters.search) {
    const pattern = params.add(containsPattern(filters.search));
    // Four id sets, each found through its own trigram index, collected once into an array: an OR
    // of the four conditions would scan every movie, and a join to the set, whose size the planner
    // cannot guess, may too; `id = ANY (array)` is a primary-key lookup per match.
    add(`m.id = ANY (ARRAY(
      SELECT s.id FROM movies s WHERE s.name ILIKE ${pattern}
      UNION SELECT s.id FROM movies s WHERE s.description ILIKE ${pattern}
      UNION SELECT j.movie_id FROM movies_stars j JOIN stars x ON x.id = j.star_id WHERE x.name ILIKE ${pattern}
      UNION SELECT j.movie_id FROM movies_directors j JOIN directors x ON x.id = j.director_id WHERE x.name ILIKE ${pattern}))`);
  }
  if (filters.year) add(`m.year = ${params.add(filters.year)}`);
  if (filters.yearFrom !== undefined) add(`m.year >= ${params.add(filters.yearFrom)}`);
  if (filters.yearTo !== undefined) add(`m.year <= ${params.add(filters.yearTo)}`);
  if (filters.imdb) add(`m.imdb = ${params.add(filters.imdb)}`);
  if (filters.imdbMin !== undefined) add(`m.imdb >= ${params.add(filters.imdbMin)}`);
  if (filters.imdbMax !== undefined) add(`m.imdb <= ${params.add(filters.imdbMax)}`);
  if (filters.priceMin !== undefined) add(`m.price >= ${params.add(filters.priceMin)}::numeric`);
  if (filters.priceMax !== undefined) add(`m.price <= ${params.add(filters.priceMax)}::numeric`);
  if (filters.genre) add(linkedNameMatches('movies_genres', 'genre_id', 'genres', params.add(containsPattern(filters.genre))));
  if (filters.star) add(linkedNameMatches('movies_stars', 'star_id', 'stars', params.add(containsPattern(filters.star))));
  if (filters.director) add(linkedNameMatches('movies_directors', 'director_id', 'directors', params.add(containsPattern(filters.director))));
  if (filters.certification) {
    add(`m.certification_id IN (SELECT x.id FROM certifications x WHERE lower(x.name) = lower(${params.add(filters.certification)}))`);
  }
  if (filters.genreId !== undefined) {
    add(`EXISTS (SELECT 1 FROM movies_genres j WHERE j.movie_id = m.id AND j.genre_id = ${params.add(filters.genreId)})`);
  }
  if (filters.favoritesOf !== undefined) {
    add(`EXISTS (SELECT 1 FROM favorites f WHERE f.user_id = ${params.add(filters.favoritesOf)} AND f.movie_id = m.id)`);
  }
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/**
 * A search finds all of its matches before it can sort them, so its page query counts them too
 * (`count(*) OVER ()`, on the filtered movies) and no second pass over the four indexes is
 * needed; other lists stop reading at the end of the page, and are counted apart.
 */
export function pageCountsMatches(filters: MovieFilters): boolean {
  return Boolean(filters.search);
}

/**
 * One page of movies: the page's ids first (filtered, ordered, sliced on `movies` alone, so that
 * rows skipped by OFFSET never build their JSON), then their full rows in the same order. With
 * `pageCountsMatches`, every row also carries `total`; every row carries `catalog_version`.
 */
export function moviePageQuery(filters: MovieFilters, sort: readonly SortTerm[], window: { offset: number; limit: number }, viewer: ViewerId): SqlQuery {
  const params = new Parameters();
  const where = whereClause(filters, params);
  const orderBy = orderByClause(sort);
  // The rating order reads `s.rating_average`; every movie has its stats row, so an inner join
  // lets the planner walk `ix_movie_stats_rating` for the page.
  const ratingJoin = sortsByRating(sort) ? ' JOIN movie_stats s ON s.movie_id = m.id' : '';
  const limit = params.add(window.limit);
  const offset = params.add(window.offset);
  const viewerId = viewer === null ? null : params.add(viewer);
  const total = pageCountsMatches(filters) ? ', count(*) OVER ()::int AS total' : '';
  return {
    text: `
      SELECT ${movieColumns(viewerId)}${total ? ', page.total' : ''}, ${CATALOG_VERSION} AS catalog_version
        FROM (SELECT m.id${total} FROM movies m${ratingJoin} ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}) page
        JOIN movies m ON m.id = page.id
        ${MOVIE_JOINS}
       ORDER BY ${orderBy}`,
    values: params.values,
  };
}

/** How many movies the filters select, counted on `movies` alone, and the catalog version counted. */
export function movieCountQuery(filters: MovieFilters): SqlQuery {
  const params = new Parameters();
  const where = whereClause(filters, params);
  return { text: `SELECT count(*)::int AS total, ${CATALOG_VERSION} AS catalog_version FROM movies m ${where}`, values: params.values };
}

/** `$2`, the viewer's id, after the statement's first parameter; nothing for an anonymous viewer. */
const viewerParameter = (viewer: ViewerId) => (viewer === null ? { placeholder: null, values: [] } : { placeholder: '$2', values: [viewer] });

export function movieByUuidQuery(uuid: string, viewer: ViewerId): SqlQuery {
  const { placeholder, values } = viewerParameter(viewer);
  return {
    name: viewer === null ? 'movie-by-uuid' : 'movie-by-uuid-for-viewer',
    text: `SELECT ${movieColumns(placeholder)} FROM movies m ${MOVIE_JOINS} WHERE m.uuid = $1`,
    values: [uuid, ...values],
  };
}

export function movieByIdQuery(id: number, viewer: ViewerId): SqlQuery {
  const { placeholder, values } = viewerParameter(viewer);
  return {
    text: `SELECT ${movieColumns(placeholder)} FROM movies m ${MOVIE_JOINS} WHERE m.id = $1`,
    values: [id, ...values],
  };
}

/**
 * The movies of `ids`, in that order (a cached page's movies), each row with the catalog version;
 * always at least one row, so that the version comes back even when no id is a movie any more
 * (such a row has `id` null).
 */
export function moviesByIdsQuery(ids: readonly number[], viewer: ViewerId): SqlQuery {
  const { placeholder, values } = viewerParameter(viewer);
  return {
    name: viewer === null ? 'movies-by-ids' : 'movies-by-ids-for-viewer',
    text: `
      SELECT page.*, ${CATALOG_VERSION} AS catalog_version
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (
          SELECT ${movieColumns(placeholder)}, p.position
            FROM unnest($1::int[]) WITH ORDINALITY AS p(id, position)
            JOIN movies m ON m.id = p.id
            ${MOVIE_JOINS}) page ON true
       ORDER BY page.position`,
    values: [ids, ...values],
  };
}
