import { Field } from '../../../common/validation/field.decorators';
import { PasswordField } from './password.field';

/** Completes a password reset with the token from the e-mail (reference 3.9). */
export class ResetPasswordDto {
  @Field.email()
  email: string;

  @PasswordField()
  password: string;

  @Field.string({ description: 'The token from the password-reset e-mail' })
  token: string;
}
