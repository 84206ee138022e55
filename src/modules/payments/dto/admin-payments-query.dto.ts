import { PaginationQueryDto } from '../../../common/http/pagination';
import { Field } from '../../../common/validation/field.decorators';

export const ADMIN_PAYMENT_SORTS = ['created_at', '-created_at', 'amount', '-amount', 'id', '-id'] as const;
export type AdminPaymentSort = (typeof ADMIN_PAYMENT_SORTS)[number];

/** `GET /admin/payments/` (reference 8.5), plus `user_id` and `sort`. */
export class AdminPaymentsQueryDto extends PaginationQueryDto {
  @Field.string({ optional: true, description: "Part of the payer's e-mail, case-insensitive" })
  email?: string | null;

  @Field.string({ optional: true, description: 'Day of the payment, YYYY-MM-DD (UTC)' })
  created_at?: string | null;

  @Field.string({ optional: true, description: 'successful, cancelled or refunded (any case)' })
  status?: string | null;

  @Field.int({ optional: true, description: 'Payments of this user (0 means all)' })
  user_id?: number | null;

  @Field.enum(ADMIN_PAYMENT_SORTS, { optional: true, description: 'Sort key, `-` for descending (default `-created_at`); `id` breaks ties' })
  sort?: AdminPaymentSort | null;
}
