import { Field } from '../validation/field.decorators';

/** `page` and `per_page` of every list route (reference 1.8). */
export class PaginationQueryDto {
  @Field.int({ ge: 1, default: 1, wide: true, description: 'Page number, from 1' })
  page: number;

  @Field.int({ ge: 1, le: 20, default: 10, description: 'Items per page, 1 to 20' })
  per_page: number;
}

/** The rows of the requested page: `OFFSET offset LIMIT limit`. */
export function pageWindow(query: PaginationQueryDto): { offset: number; limit: number } {
  return { offset: (query.page - 1) * query.per_page, limit: query.per_page };
}

/**
 * The filters a list route recognises, in the order its links carry them: pairs or an object
 * (insertion order). Falsy values (absent, `null`, `''`, `0`, `false`) are left out, as the
 * reference does; an array repeats the parameter. Strings are used as they are, so pass a float
 * filter as the client typed it to keep `imdb=7.0`. Include `sort` where the route sorts.
 */
export type PageFilters = ReadonlyArray<readonly [string, unknown]> | Readonly<Record<string, unknown>>;

export interface PageMeta {
  prev_page: string | null;
  next_page: string | null;
  total_pages: number;
  total_items: number;
}

/**
 * The envelope's first four keys. `url` is the request's absolute URL without its query
 * (`@RequestUrl()`); links replace the whole query with the filters, then `page` and `per_page`.
 * `prev_page` exists whenever `page > 1` (even past the end), `next_page` while
 * `page < total_pages`; `total_pages` is 0 for an empty list.
 */
export function pageMeta(url: string, query: PaginationQueryDto, totalItems: number, filters: PageFilters = []): PageMeta {
  const totalPages = Math.ceil(totalItems / query.per_page);
  const link = (page: number) => `${url}?${formEncode([...filterPairs(filters), ['page', page], ['per_page', query.per_page]])}`;
  return {
    prev_page: query.page > 1 ? link(query.page - 1) : null,
    next_page: query.page < totalPages ? link(query.page + 1) : null,
    total_pages: totalPages,
    total_items: totalItems,
  };
}

/** The whole envelope: `{prev_page, next_page, total_pages, total_items, [key]: items}`. */
export function paginated<K extends string, T>(meta: PageMeta, key: K, items: T[]): PageMeta & Record<K, T[]> {
  return { ...meta, [key]: items } as PageMeta & Record<K, T[]>;
}

function filterPairs(filters: PageFilters): Array<[string, unknown]> {
  const entries = Array.isArray(filters) ? filters : Object.entries(filters);
  const pairs: Array<[string, unknown]> = [];
  for (const [name, value] of entries as Array<[string, unknown]>) {
    for (const item of Array.isArray(value) ? value : [value]) if (item) pairs.push([name, item]);
  }
  return pairs;
}

/**
 * `application/x-www-form-urlencoded` as Python's `urlencode` writes it: letters, digits and
 * `_.-~` as they are, a space as `+`, everything else percent-encoded in UTF-8.
 */
export function formEncode(pairs: ReadonlyArray<readonly [string, unknown]>): string {
  const encode = (text: string) =>
    encodeURIComponent(text)
      .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
      .replaceAll('%20', '+');
  return pairs.map(([name, value]) => `${encode(name)}=${encode(String(value))}`).join('&');
}
