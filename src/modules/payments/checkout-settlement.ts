import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { centsToMoney, moneyToCents } from '../../common/http/money';
import { MailService } from '../mail/mail.service';
import { type Order, OrderStatus } from '../orders/entities/order.entity';
import { ORDER_STATUS } from '../orders/order-status';
import { OrdersRepository } from '../orders/orders.repository';
import { PurchasesRepository } from '../orders/purchases.repository';
import { CheckoutSessionsRepository } from './checkout-sessions.repository';
import { type CheckoutSession, CheckoutSessionStatus } from './entities/checkout-session.entity';
import { PaymentStatus } from './entities/payment.entity';
import type { GatewayCheckoutSession } from './gateway/payment-gateway';
import { PAYMENTS_MESSAGES } from './payments.messages';
import { PaymentsRepository } from './payments.repository';
import { RefundService } from './refund.service';

/** The currency of every price in the catalog. */
export const CURRENCY = 'usd';

/** What must happen once the event's transaction has committed. */
export interface SettlementFollowUp {
  /** A refund recorded for money the order could not take: ask the gateway for it. */
  refundId?: number;
}

/** `metadata.order_id` (and `attempt`) of a session we created; null for anyone else's. */
function orderReference(session: GatewayCheckoutSession): { orderId: number; attempt: number | null } | null {
  const orderId = Number(session.metadata.order_id);
  if (!Number.isSafeInteger(orderId) || orderId <= 0) return null;
  const attempt = Number(session.metadata.attempt);
  return { orderId, attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : null };
}

/**
 * The effects of checkout session events (CONTRACT.md C.6), run inside the event's transaction.
 * Every path locks the order first, so events of one order apply one at a time.
 */
@Injectable()
export class CheckoutSettlement {
  private readonly logger = new Logger(CheckoutSettlement.name);

  constructor(
    private readonly orders: OrdersRepository,
    private readonly purchases: PurchasesRepository,
    private readonly sessions: CheckoutSessionsRepository,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundService,
    private readonly mail: MailService,
  ) {}

  /**
   * `checkout.session.completed` and `checkout.session.async_payment_succeeded`. Only a `paid`
   * session moves money: it records the payment, its items (`price_at_payment`), the purchases,
   * the `paid` status and the e-mail, once per payment intent. Money for an order that cannot
   * take it (no longer pending, or an amount or currency other than the order's) is recorded and
   * refunded automatically.
   */
  async completed(tx: EntityManager, session: GatewayCheckoutSession): Promise<SettlementFollowUp> {
    const target = await this.lockTarget(tx, session);
    if (!target) return {};
    const { order, row } = target;
    if (session.paymentStatus !== 'paid') {
      // An asynchronous payment method: its own event tells how it ends.
      if (row && row.status !== CheckoutSessionStatus.Paid) await this.sessions.setStatus(tx, row.id, CheckoutSessionStatus.Processing, session.id);
      return {};
    }
    if (row) await this.sessions.setStatus(tx, row.id, CheckoutSessionStatus.Paid, session.id);
    const paymentIntent = session.paymentIntentId ?? session.id;
    if (await this.payments.findByIntent(tx, paymentIntent)) return {};

    const amountCents = session.amountTotal ?? 0;
    const payment = await this.payments.insert(tx, {
      userId: order.userId,
      orderId: order.id,
      amount: centsToMoney(amountCents),
      status: PaymentStatus.Successful,
      externalPaymentId: paymentIntent,
    });
    const expected = order.totalAmount === null ? null : moneyToCents(order.totalAmount);
    if (order.status !== OrderStatus.Pending || amountCents !== expected || session.currency !== CURRENCY) {
      this.logger.warn(
        `Session ${session.id} paid ${amountCents} ${session.currency} for order ${order.id} (${order.status}, ${expected} ${CURRENCY}): refunding it`,
      );
      const refund = await this.refunds.recordAutomatic(tx, payment);
      return { refundId: refund.id };
    }

    ORDER_STATUS.assert(order.status, OrderStatus.Paid);
    await this.payments.insertItemsOfOrder(tx, payment.id, order.id);
    await this.orders.setStatus(tx, order.id, order.status, OrderStatus.Paid);
    await this.purchases.grantOrder(tx, order.id, order.userId);
    await this.mail.sendPaymentSuccess(tx, await this.orders.userEmail(tx, order.userId), {
      orderId: order.id,
      amount: payment.amount,
      date: payment.createdAt,
      paymentId: payment.id,
      items: await this.payments.itemsOf(tx, payment.id),
    });
    return {};
  }

  /** `checkout.session.async_payment_failed`: that attempt is over; the order stays payable. */
  async paymentFailed(tx: EntityManager, session: GatewayCheckoutSession): Promise<void> {
    const target = await this.lockTarget(tx, session);
    if (target?.row && target.row.status !== CheckoutSessionStatus.Paid) {
      await this.sessions.setStatus(tx, target.row.id, CheckoutSessionStatus.Failed, session.id);
    }
  }

  /**
   * `checkout.session.expired`: cancels a pending order only when no other session of it may
   * still be paid, recording the abandoned attempt as a `cancelled` payment as the reference does.
   */
  async expired(tx: EntityManager, session: GatewayCheckoutSession): Promise<void> {
    const target = await this.lockTarget(tx, session, false);
    if (!target) return;
    const { order, row } = target;
    if (row && row.status !== CheckoutSessionStatus.Paid) await this.sessions.setStatus(tx, row.id, CheckoutSessionStatus.Expired, session.id);
    if (order.status !== OrderStatus.Pending || (await this.sessions.hasOtherLive(tx, order.id, row?.id ?? null))) return;
    ORDER_STATUS.assert(order.status, OrderStatus.Cancelled);
    await this.orders.setStatus(tx, order.id, order.status, OrderStatus.Cancelled);
    await this.payments.insert(tx, {
      userId: order.userId,
      orderId: order.id,
      amount: order.totalAmount ?? '0.00',
      status: PaymentStatus.Cancelled,
      externalPaymentId: session.id,
    });
  }

  /**
   * The session's order and our row of the session, both locked. A session without our metadata
   * is someone else's: ignored. An unknown order is the reference's 404 (so that Stripe retries),
   * except for expiries, which have nothing left to do.
   */
  private async lockTarget(
    tx: EntityManager,
    session: GatewayCheckoutSession,
    orderRequired = true,
  ): Promise<{ order: Order; row: CheckoutSession | null } | null> {
    const reference = orderReference(session);
    if (!reference) {
      this.logger.warn(`Session ${session.id} carries no order of ours: ignored`);
      return null;
    }
    const order = await this.orders.lock(tx, reference.orderId);
    if (!order) {
      if (orderRequired) throw new NotFoundException(PAYMENTS_MESSAGES.orderNotFound);
      return null;
    }
    return { order, row: await this.sessions.lockForGatewaySession(tx, session.id, order.id, reference.attempt) };
  }
}
