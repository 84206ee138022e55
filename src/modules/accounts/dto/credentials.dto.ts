import { Field } from '../../../common/validation/field.decorators';
import { PasswordField } from './password.field';

/** Register and log in (reference 3.1, 3.4). */
export class CredentialsDto {
  @Field.email({ example: 'user@example.com' })
  email: string;

  @PasswordField({ description: '8-32 characters with a lower-case and an upper-case letter, a digit and one of @$!%*?&' })
  password: string;
}
