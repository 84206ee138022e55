import { Field } from '../../../common/validation/field.decorators';

/** The body of the genre, star and director create and update routes (reference 5.7, 5.8). */
export class CatalogNameDto {
  @Field.string({ minLength: 1, maxLength: 100, example: 'Science Fiction' })
  name: string;
}
