import { Field } from '../../../common/validation/field.decorators';
import { ReactionKind } from '../entities/movie-reaction.entity';

/** The body of `PUT /movies/{movie_uuid}/reaction/`. */
export class ReactionDto {
  @Field.enum(ReactionKind, { description: 'Like or dislike the movie', example: ReactionKind.Like })
  reaction: ReactionKind;
}
