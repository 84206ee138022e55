import { PaginationQueryDto } from '../../../common/http/pagination';
import { Field } from '../../../common/validation/field.decorators';

/** The query of `GET /notifications/`. */
export class NotificationListQueryDto extends PaginationQueryDto {
  /**
   * `true`: only the unread ones. `false` is the same as absent (every notification), which is
   * also what the page links do, since they leave false values out.
   */
  @Field.bool({ optional: true, description: 'Only unread notifications when true' })
  unread?: boolean;
}
