import { PaginationQueryDto } from '../../../../common/http/pagination';
import { Field } from '../../../../common/validation/field.decorators';
import { COMMENTS_MESSAGES } from '../comments.messages';

/** The longest comment, in characters (code points) after trimming. */
export const COMMENT_MAX_LENGTH = 2000;

/**
 * A comment's text is stored trimmed, so its length is checked trimmed: blank text or more than
 * `COMMENT_MAX_LENGTH` characters once trimmed is a 422 `value_error`. The service trims.
 */
export function commentTextError(text: string): string | undefined {
  const length = [...text.trim()].length;
  if (length === 0) return COMMENTS_MESSAGES.textBlank;
  if (length > COMMENT_MAX_LENGTH) return COMMENTS_MESSAGES.textTooLong(COMMENT_MAX_LENGTH);
  return undefined;
}

/** The body of `POST /movies/{movie_uuid}/comments/`. */
export class CreateCommentDto {
  @Field.string({ validate: commentTextError, description: `1 to ${COMMENT_MAX_LENGTH} characters, trimmed`, example: 'One of the best endings ever.' })
  text: string;

  @Field.int({ optional: true, description: 'The comment this one replies to (on the same movie); absent or null for a top-level comment' })
  parent_id?: number | null;
}

/** The body of `PATCH /comments/{comment_id}/`. */
export class UpdateCommentDto {
  @Field.string({ validate: commentTextError, description: `1 to ${COMMENT_MAX_LENGTH} characters, trimmed`, example: 'One of the best endings ever.' })
  text: string;
}

/** The query of `GET /movies/{movie_uuid}/comments/`. */
export class CommentListQueryDto extends PaginationQueryDto {
  @Field.int({ optional: true, description: "List this comment's replies instead of the top-level comments" })
  parent_id?: number;
}
