import { validateInput } from '../common/validation/validate-input';
import { RequestValidationException, type ValidationIssue } from '../common/validation/validation-issue';
import { CreateMovieDto } from '../modules/catalog/dto/movie.dto';
import { CsvFormatError } from './csv-reader';
import { derivedPrice } from './movie-price';

/**
 * The column layout of the public "IMDB Movies Dataset" (IMDb top 1000): columns are found by
 * header name, in any order; other columns (such as its `Poster_Link`) are ignored.
 */
export const IMDB_COLUMNS = [
  'Series_Title',
  'Released_Year',
  'Certificate',
  'Runtime',
  'Genre',
  'IMDB_Rating',
  'Overview',
  'Meta_score',
  'Director',
  'Star1',
  'Star2',
  'Star3',
  'Star4',
  'No_of_Votes',
  'Gross',
] as const;

type Column = (typeof IMDB_COLUMNS)[number];

/** The certification of a row that has none. */
export const UNRATED = 'Unrated';

/** How a row is read, for `--help`. */
export const ROW_RULES = [
  'Rows are checked with the rules of POST /movies/create/; a row that breaks one is rejected with the reason.',
  `Runtime "142 min" is 142 minutes; an empty Certificate becomes "${UNRATED}"; empty Meta_score and Gross are null;`,
  'thousands separators in No_of_Votes and Gross are allowed; Genre is a comma-separated list; Star1-Star4 are the stars.',
  'A movie whose title (in any case), year and runtime are already in the catalog, or earlier in the file, is not imported again.',
].join('\n');

export type MovieRecord = CreateMovieDto;

export type RowOutcome = { ok: true; movie: MovieRecord } | { ok: false; reasons: string[] };

/** Where each column of the layout sits in a header. @throws CsvFormatError when some are missing. */
export function columnIndexes(header: readonly string[]): Record<Column, number> {
  const positions = new Map(header.map((name, index) => [name.trim(), index]));
  const missing = IMDB_COLUMNS.filter((column) => !positions.has(column));
  if (missing.length > 0) throw new CsvFormatError(`the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return Object.fromEntries(IMDB_COLUMNS.map((column) => [column, positions.get(column) as number])) as Record<Column, number>;
}

const RUNTIME = /^(\d+)\s*min$/i;
const THOUSANDS = /^\d{1,3}(,\d{3})+$/;

const orNull = (text: string) => (text === '' ? null : text);
const number = (text: string) => (THOUSANDS.test(text) ? text.replaceAll(',', '') : text);
const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);

/**
 * Turns one data row into a movie, checked like a `POST /movies/create/` body, with the price
 * of `derivedPrice`; or the reasons it cannot be one.
 */
export function readMovieRow(fields: readonly string[], columns: Record<Column, number>, headerLength: number): RowOutcome {
  if (fields.length !== headerLength) return { ok: false, reasons: [`has ${fields.length} fields, the header has ${headerLength}`] };
  const value = (column: Column) => fields[columns[column]].trim();
  const runtime = RUNTIME.exec(value('Runtime'));
  const body = {
    name: value('Series_Title'),
    year: value('Released_Year'),
    time: runtime ? runtime[1] : value('Runtime'),
    imdb: value('IMDB_Rating'),
    votes: number(value('No_of_Votes')),
    meta_score: orNull(value('Meta_score')),
    gross: orNull(number(value('Gross'))),
    description: value('Overview'),
    // A placeholder that passes the price rule: the price is derived from the checked year and rating.
    price: '0',
    certification: value('Certificate') || UNRATED,
    genres: list(value('Genre')),
    directors: value('Director') ? [value('Director')] : [],
    stars: (['Star1', 'Star2', 'Star3', 'Star4'] as const).map(value).filter(Boolean),
  };
  try {
    const movie = validateInput(CreateMovieDto, body, 'body');
    return { ok: true, movie: { ...movie, price: derivedPrice(movie.year, movie.imdb) } };
  } catch (error) {
    if (!(error instanceof RequestValidationException)) throw error;
    return { ok: false, reasons: error.issues.map(describeIssue) };
  }
}

/** `Released_Year: Input should be a valid integer, ... (got "PG")`, in the CSV's terms. */
function describeIssue(issue: ValidationIssue): string {
  const [, field, item] = issue.loc;
  const where = `${FIELD_COLUMNS[String(field)] ?? String(field)}${item === undefined ? '' : ` item ${Number(item) + 1}`}`;
  return issue.type === 'missing' ? `${where}: ${issue.msg}` : `${where}: ${issue.msg} (got ${JSON.stringify(issue.input)})`;
}

const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  name: 'Series_Title',
  year: 'Released_Year',
  time: 'Runtime',
  imdb: 'IMDB_Rating',
  votes: 'No_of_Votes',
  meta_score: 'Meta_score',
  gross: 'Gross',
  description: 'Overview',
  certification: 'Certificate',
  genres: 'Genre',
  directors: 'Director',
  stars: 'Star1-Star4',
};
