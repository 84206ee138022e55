import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { Field, fieldsOf, PartialDto } from '../../../common/validation/field.decorators';
import { located } from '../../../common/validation/pydantic-errors';
import { Rules } from '../../../common/validation/rules';
import { RequestValidationException } from '../../../common/validation/validation-issue';
import { CATALOG_MESSAGES } from '../catalog.messages';

/** The first year of cinema (reference 2.3). */
export const FIRST_MOVIE_YEAR = 1895;

/** Reference 2.3: `1895 <= year <= current year + 1`, as `value_error`s. */
export function checkMovieYear(year: number): string | null {
  if (year < FIRST_MOVIE_YEAR) return CATALOG_MESSAGES.yearTooEarly;
  if (year > new Date().getUTCFullYear() + 1) return CATALOG_MESSAGES.yearInFuture(year);
  return null;
}

/** Genre, star, director and certification names: the columns are `varchar(100)`. */
const catalogName = () => Rules.string({ minLength: 1, maxLength: 100 });

/**
 * `POST /movies/create/` (reference 5.2) with CONTRACT.md B14 and B16: names are kept as given,
 * `price` must fit `numeric(10,2)`, names must fit their columns and may not be empty.
 */
export class CreateMovieDto {
  @Field.string({ minLength: 1, maxLength: 250, example: 'Inception' })
  name: string;

  @Field.int({ validate: checkMovieYear, description: `From ${FIRST_MOVIE_YEAR} to next year`, example: 2010 })
  year: number;

  @Field.int({ gt: 0, description: 'Running time in minutes', example: 148 })
  time: number;

  @Field.float({ ge: 1, le: 10, example: 8.8 })
  imdb: number;

  @Field.int({ ge: 0, default: 0, example: 2_400_000 })
  votes: number;

  @Field.float({ ge: 0, le: 100, optional: true, example: 74 })
  meta_score?: number | null;

  @Field.float({ ge: 0, optional: true, example: 292_576_195 })
  gross?: number | null;

  @Field.string({ example: 'A thief who enters dreams is offered a last job: planting an idea.' })
  description: string;

  @Field.decimal({ ge: 0, maxDigits: 10, decimalPlaces: 2, example: '9.99' })
  price: string;

  @Field.string({ minLength: 1, maxLength: 100, example: 'PG-13' })
  certification: string;

  @Field.list(catalogName(), { example: ['Action', 'Sci-Fi'] })
  genres: string[];

  @Field.list(catalogName(), { example: ['Christopher Nolan'] })
  directors: string[];

  @Field.list(catalogName(), { example: ['Leonardo DiCaprio', 'Elliot Page'] })
  stars: string[];
}

/**
 * `PATCH /movies/{uuid}/`: any subset of the create fields, with the same rules (CONTRACT.md
 * B14). `null` is accepted only where the column is nullable (`meta_score`, `gross`); see
 * `RejectNullsPipe`.
 */
export class UpdateMovieDto extends PartialDto(CreateMovieDto) {}

const NULLABLE_FIELDS: ReadonlySet<string> = new Set(['meta_score', 'gross']);

/**
 * Answers a `null` sent for a field that cannot hold one with the 422 the field's own rule gives
 * a `null` (`string_type`, `int_type`, `list_type`, ...), as pydantic does for a non-optional
 * type. Runs after the global validation pipe, on the validated DTO.
 */
@Injectable()
export class RejectNullsPipe implements PipeTransform<UpdateMovieDto, UpdateMovieDto> {
  transform(dto: UpdateMovieDto, _metadata: ArgumentMetadata): UpdateMovieDto {
    const issues = fieldsOf(UpdateMovieDto)
      .filter((field) => !NULLABLE_FIELDS.has(field.name) && (dto as Record<string, unknown>)[field.name] === null)
      .flatMap((field) => {
        const result = field.rule.check(null);
        return result.ok ? [] : result.issues.map((issue) => located(issue, ['body', field.name]));
      });
    if (issues.length > 0) throw new RequestValidationException(issues);
    return dto;
  }
}
