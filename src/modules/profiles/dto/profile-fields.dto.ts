import { ApiPropertyOptional } from '@nestjs/swagger';
import { Field } from '../../../common/validation/field.decorators';

/**
 * The form fields of `POST`/`PATCH /profiles/users/{user_id}/` (reference 4), all optional, with
 * the types FastAPI checks before the handler runs (the list-shaped 422). The profile's own rules
 * (reference 2.4) are the service's, with their string-shaped 422s.
 */
export class ProfileFieldsDto {
  // The column's length; the reference let longer names through to a database error (500).
  @Field.string({ optional: true, maxLength: 100, description: 'English letters only', example: 'James' })
  first_name?: string;

  @Field.string({ optional: true, maxLength: 100, description: 'English letters only', example: 'Bond' })
  last_name?: string;

  @Field.string({ optional: true, description: '`man` or `woman`, in any letter case', example: 'man' })
  gender?: string;

  @Field.date({ optional: true, description: 'At least 18 years ago, and not before 1900', example: '1990-01-01' })
  date_of_birth?: string;

  @Field.string({ optional: true, description: 'Not only whitespace', example: 'Likes spy movies' })
  info?: string;

  /** Documentation only: the file is read from the multipart body, not validated as a field. */
  @ApiPropertyOptional({
    type: 'string',
    format: 'binary',
    description: 'JPEG, PNG or WebP, at most 1 MiB (multipart only); stored re-encoded, without metadata',
  })
  avatar?: never;
}
