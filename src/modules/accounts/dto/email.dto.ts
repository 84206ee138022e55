import { Field } from '../../../common/validation/field.decorators';

/** A body holding only an e-mail: resend activation, reset request, admin activation. */
export class EmailDto {
  @Field.email({ example: 'user@example.com' })
  email: string;
}
