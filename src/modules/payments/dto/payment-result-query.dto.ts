import { Field } from '../../../common/validation/field.decorators';

export class PaymentResultQueryDto {
  @Field.string({ optional: true, maxLength: 255, description: 'The checkout session to report on' })
  session_id?: string | null;
}
