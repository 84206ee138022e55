import { Field } from '../../../common/validation/field.decorators';

/** The query of the activation link (reference 3.3). */
export class ActivateAccountQuery {
  @Field.email()
  email: string;

  @Field.string({ description: 'The token from the activation e-mail' })
  token: string;
}
