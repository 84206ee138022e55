import { Field } from '../../../common/validation/field.decorators';

/** The body of logout and refresh (reference 3.5, 3.6). */
export class RefreshTokenDto {
  @Field.string({ description: 'The refresh token issued at login' })
  refresh_token: string;
}
