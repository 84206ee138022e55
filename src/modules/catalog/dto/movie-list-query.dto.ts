import { PaginationQueryDto } from '../../../common/http/pagination';
import { Field } from '../../../common/validation/field.decorators';

/**
 * The query of `GET /movies/`: the reference's `year`, `imdb`, `genre`, `certification` and
 * `sort` (5.6; `year` and `imdb` are ignored when 0) and CONTRACT.md C.1's search, ranges,
 * `star` and `director`. Text filters are case-insensitive and take `%` and `_` literally.
 */
export class MovieListQueryDto extends PaginationQueryDto {
  @Field.int({ optional: true, description: 'Release year (exact)' })
  year?: number;

  @Field.float({ optional: true, description: 'IMDb rating (exact)' })
  imdb?: number;

  @Field.string({ optional: true, description: 'Some genre of the movie contains this text' })
  genre?: string;

  @Field.string({ optional: true, description: 'Certification name (exact)' })
  certification?: string;

  @Field.string({ optional: true, description: 'Title, description, star or director name contains this text' })
  search?: string;

  @Field.int({ optional: true, description: 'Released in or after this year' })
  year_from?: number;

  @Field.int({ optional: true, description: 'Released in or before this year' })
  year_to?: number;

  @Field.float({ optional: true, description: 'IMDb rating at least' })
  imdb_min?: number;

  @Field.float({ optional: true, description: 'IMDb rating at most' })
  imdb_max?: number;

  @Field.decimal({ optional: true, description: 'Price at least' })
  price_min?: string;

  @Field.decimal({ optional: true, description: 'Price at most' })
  price_max?: string;

  @Field.string({ optional: true, description: 'Some star of the movie contains this text' })
  star?: string;

  @Field.string({ optional: true, description: 'Some director of the movie contains this text' })
  director?: string;

  @Field.string({
    optional: true,
    description:
      "Comma-separated keys name, year, imdb, price, votes, rating (the users' average score; unrated movies last), " +
      "created_at; '-' for descending. Default: -name. Ties are broken by id, in the direction of the last key.",
    example: '-year,name',
  })
  sort?: string;
}
