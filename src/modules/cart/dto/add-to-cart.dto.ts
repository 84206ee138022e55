import { Field } from '../../../common/validation/field.decorators';

export class AddToCartDto {
  @Field.uuid({ description: 'The movie to add', example: '3fa85f64-5717-4562-b3fc-2c963f66afa6' })
  movie_uuid: string;
}
