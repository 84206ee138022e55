import { Injectable } from '@nestjs/common';
import { pageMeta, paginated, type PaginationQueryDto, pageWindow } from '../../common/http/pagination';
import { dayFilter, sortOf, statusFilter } from '../orders/admin-filters';
import { ORDERS_MESSAGES } from '../orders/orders.messages';
import { CheckoutService, type PaymentResultResponse } from './checkout.service';
import type { AdminPaymentsQueryDto } from './dto/admin-payments-query.dto';
import { PaymentStatus } from './entities/payment.entity';
import { PAYMENTS_MESSAGES } from './payments.messages';
import { type AdminPaymentSortKey, PaymentsRepository } from './payments.repository';
import { type AdminPaymentResponse, type PaymentResponse, toAdminPaymentResponse, toPaymentResponse } from './payments.responses';

const ADMIN_SORT_KEYS: Readonly<Record<string, AdminPaymentSortKey>> = { created_at: 'createdAt', amount: 'amount', id: 'id' };

/** Payment lists and the pages Stripe sends the customer back to (reference 7.7, 7.9, 8.5). */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly checkout: CheckoutService,
  ) {}

  /** Without a session id, the reference's static answer; with one, the session's real state. */
  success(sessionId: string | null | undefined): Promise<PaymentResultResponse | { message: string }> {
    return sessionId ? this.checkout.result(sessionId) : Promise.resolve({ message: PAYMENTS_MESSAGES.paymentSuccessful });
  }

  /** The caller's payments, newest first. */
  async list(userId: number, query: PaginationQueryDto, url: string) {
    const { rows, total } = await this.payments.listForUser(userId, pageWindow(query));
    return paginated(pageMeta(url, query, total), 'payments', rows.map((payment): PaymentResponse => toPaymentResponse(payment)));
  }

  /** Every payment for admins, filtered as the reference does (400s in its order), sorted. */
  async adminList(query: AdminPaymentsQueryDto, url: string) {
    const created = dayFilter(query.created_at ?? undefined, ORDERS_MESSAGES.invalidDate);
    const status = statusFilter(query.status ?? undefined, Object.values(PaymentStatus), PAYMENTS_MESSAGES.invalidStatus);
    const filters = { userId: query.user_id ?? undefined, ...created, status, email: query.email ?? undefined };
    const { rows, total } = await this.payments.adminList(filters, sortOf(query.sort ?? '-created_at', ADMIN_SORT_KEYS), pageWindow(query));
    const links = [
      ['email', query.email],
      ['created_at', query.created_at],
      ['status', query.status],
      ['user_id', query.user_id],
      ['sort', query.sort],
    ] as const;
    return paginated(pageMeta(url, query, total, links), 'payments', rows.map((row): AdminPaymentResponse => toAdminPaymentResponse(row)));
  }
}
