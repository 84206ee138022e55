import { toMoney } from '../../common/http/money';
import type { Payment } from './entities/payment.entity';
import type { AdminPaymentRow } from './payments.repository';

/** The reference's payment item (`created_at`, `amount`, `status`) with CONTRACT.md C.6's additions. */
export interface PaymentResponse {
  created_at: Date;
  amount: string;
  status: string;
  id: number;
  order_id: number;
  external_payment_id: string | null;
}

/** The reference's admin payment item (`created_at`, `amount`, `status`, `email`) with ours. */
export interface AdminPaymentResponse {
  created_at: Date;
  amount: string;
  status: string;
  email: string;
  id: number;
  user_id: number;
  order_id: number;
  external_payment_id: string | null;
}

export function toPaymentResponse(payment: Payment): PaymentResponse {
  return {
    created_at: payment.createdAt,
    amount: toMoney(payment.amount),
    status: payment.status.toLowerCase(),
    id: payment.id,
    order_id: payment.orderId,
    external_payment_id: payment.externalPaymentId,
  };
}

export function toAdminPaymentResponse(row: AdminPaymentRow): AdminPaymentResponse {
  return {
    created_at: row.createdAt,
    amount: toMoney(row.amount),
    status: row.status.toLowerCase(),
    email: row.email.toLowerCase(),
    id: row.id,
    user_id: row.userId,
    order_id: row.orderId,
    external_payment_id: row.externalPaymentId,
  };
}
