import { Field } from '../../../common/validation/field.decorators';

/** Reference 8.2; `group_id` is checked against the known groups after the other rules. */
export class ChangeGroupDto {
  @Field.email()
  email: string;

  @Field.int({ description: '1 ADMIN, 2 USER, 3 MODERATOR' })
  group_id: number;
}
