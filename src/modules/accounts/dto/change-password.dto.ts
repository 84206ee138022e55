import { Field } from '../../../common/validation/field.decorators';
import { PasswordField } from './password.field';

/**
 * Reference 3.7 with CONTRACT.md B11: `email` is accepted but optional and not used (the caller
 * is the authenticated user), and `new_password` meets the full policy.
 */
export class ChangePasswordDto {
  @Field.email({ optional: true, description: 'Accepted for compatibility; the authenticated user is the one changed' })
  email?: string | null;

  @Field.string()
  old_password: string;

  @PasswordField()
  new_password: string;
}
