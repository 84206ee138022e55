/**
 * The `sort` parameter of `GET /movies/` (reference 5.6, CONTRACT.md C.1): comma-separated keys,
 * each trimmed; a leading `-` means descending, a leading `+` or nothing ascending. Unknown keys
 * are ignored, a repeated one counts once (first occurrence).
 *
 * - `name` sorts case-insensitively (`lower(name)`), whatever the database's collation.
 * - `votes` is the IMDb vote count, the catalog's popularity figure.
 * - `rating` is the IMDb rating (`imdb`) for now: there are no user ratings yet.
 *
 * The order always ends with `id`, in the direction of the last key, so pages never overlap or
 * skip rows, and a single-key order is a scan of that key's `(key, id)` index.
 */
export const SORT_COLUMNS = {
  name: 'lower(m.name)',
  year: 'm.year',
  imdb: 'm.imdb',
  price: 'm.price',
  votes: 'm.votes',
  rating: 'm.imdb',
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

/** `ORDER BY` body for the terms, with the `id` tie-breaker. */
export function orderByClause(terms: readonly SortTerm[]): string {
  const direction = (descending: boolean) => (descending ? 'DESC' : 'ASC');
  const idDescending = terms.length === 0 ? true : terms[terms.length - 1].descending;
  return [...terms.map((term) => `${term.column} ${direction(term.descending)}`), `m.id ${direction(idDescending)}`].join(', ');
}
