/**
 * The `sort` parameter of `GET /movies/` (reference 5.6, CONTRACT.md C.1): comma-separated keys,
 * each trimmed; a leading `-` means descending, a leading `+` or nothing ascending. Unknown keys
 * are ignored, a repeated one counts once (first occurrence).
 *
 * - `name` sorts case-insensitively (`lower(name)`), whatever the database's collation.
 * - `votes` is the IMDb vote count, the catalog's popularity figure.
 * - `rating` is the users' average score (CONTRACT.md C.1 lists it apart from `imdb`), from the
 *   movie's `movie_stats` row (alias `s`, joined by the page query); movies nobody rated come last
 *   in either direction (`NULLS LAST`), walking `ix_movie_stats_rating` or `..._rating_asc`.
 *
 * The order always ends with `id`, in the direction of the last key, so pages never overlap or
 * skip rows, and a single-key order on a column is a scan of that key's `(key, id)` index.
 */
export const SORT_COLUMNS = {
  name: 'lower(m.name)',
  year: 'm.year',
  imdb: 'm.imdb',
  price: 'm.price',
  votes: 'm.votes',
  rating: 's.rating_average',
  created_at: 'm.created_at',
} as const;

export type SortKey = keyof typeof SORT_COLUMNS;

export interface SortTerm {
  /** A SQL expression over the `movies m` alias, from `SORT_COLUMNS` only. */
  column: (typeof SORT_COLUMNS)[SortKey];
  descending: boolean;
}

/** No `sort`, or an empty one: the reference's `name DESC`. */
const DEFAULT_ORDER: SortTerm[] = [{ column: SORT_COLUMNS.name, descending: true }];

/** A `sort` without any known key: the reference's `id DESC`. */
const NO_KNOWN_KEY: SortTerm[] = [];

export function parseSort(sort: string | undefined): SortTerm[] {
  if (!sort) return DEFAULT_ORDER;
  const terms: SortTerm[] = [];
  for (const part of sort.split(',')) {
    const field = part.trim();
    const descending = field.startsWith('-');
    const key = descending || field.startsWith('+') ? field.slice(1) : field;
    if (!Object.hasOwn(SORT_COLUMNS, key)) continue;
    const column = SORT_COLUMNS[key as SortKey];
    if (!terms.some((term) => term.column === column)) terms.push({ column, descending });
  }
  return terms.length > 0 ? terms : NO_KNOWN_KEY;
}

/** True when the order uses the users' ratings, which change without moving the catalog version. */
export function sortsByRating(terms: readonly SortTerm[]): boolean {
  return terms.some((term) => term.column === SORT_COLUMNS.rating);
}

/** `ORDER BY` body for the terms, with the `id` tie-breaker; an unrated movie (null average) sorts last. */
export function orderByClause(terms: readonly SortTerm[]): string {
  const direction = (descending: boolean) => (descending ? 'DESC' : 'ASC');
  const idDescending = terms.length === 0 ? true : terms[terms.length - 1].descending;
  const term = ({ column, descending }: SortTerm) => `${column} ${direction(descending)}${column === SORT_COLUMNS.rating ? ' NULLS LAST' : ''}`;
  return [...terms.map(term), `m.id ${direction(idDescending)}`].join(', ');
}
