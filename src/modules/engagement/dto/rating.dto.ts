import { Field } from '../../../common/validation/field.decorators';

/** The body of `PUT /movies/{movie_uuid}/rating/`. */
export class RatingDto {
  @Field.int({ ge: 1, le: 10, description: 'Score from 1 to 10', example: 8 })
  score: number;
}
