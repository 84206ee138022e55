import { PaginationQueryDto } from '../../../common/http/pagination';
import { Field } from '../../../common/validation/field.decorators';

export const ADMIN_ORDER_SORTS = ['created_at', '-created_at', 'total_amount', '-total_amount', 'id', '-id'] as const;
export type AdminOrderSort = (typeof ADMIN_ORDER_SORTS)[number];

/** `GET /admin/orders/` (reference 8.3), plus `sort`. */
export class AdminOrdersQueryDto extends PaginationQueryDto {
  @Field.int({ optional: true, description: 'Orders of this user (0 means all)' })
  user_id?: number | null;

  @Field.string({ optional: true, description: "Part of the owner's e-mail, case-insensitive" })
  email?: string | null;

  @Field.string({ optional: true, description: 'Day of creation, YYYY-MM-DD (UTC)' })
  created_at?: string | null;

  @Field.string({ optional: true, description: 'pending, paid, cancelled or refunded (any case)' })
  status?: string | null;

  @Field.enum(ADMIN_ORDER_SORTS, { optional: true, description: 'Sort key, `-` for descending (default `-created_at`); `id` breaks ties' })
  sort?: AdminOrderSort | null;
}
