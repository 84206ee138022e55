import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../core/database/postgres-errors';
import { MailService } from '../mail/mail.service';
import { OrderStatus } from '../orders/entities/order.entity';
import { ORDER_STATUS } from '../orders/order-status';
import { ORDERS_MESSAGES } from '../orders/orders.messages';
import { OrdersRepository } from '../orders/orders.repository';
import { PurchasesRepository } from '../orders/purchases.repository';
import { type Payment, PaymentStatus } from './entities/payment.entity';
import { type Refund, RefundReason, RefundStatus } from './entities/refund.entity';
import { type GatewayRefund, PaymentGateway, PaymentGatewayError } from './gateway/payment-gateway';
import { refundIdempotencyKey } from './idempotency-keys';
import { PAYMENT_STATUS, REFUND_STATUS } from './payment-status';
import { PaymentsRepository } from './payments.repository';
import { RefundsRepository } from './refunds.repository';

/** Where a refund stands after a gateway call. */
export type RefundOutcome =
  | { kind: 'succeeded' }
  /** The gateway accepted it and settles it later (its `refund.updated` event tells). */
  | { kind: 'pending' }
  | { kind: 'failed'; reason: string }
  /** No answer: the refund stays pending and is tried again with the same idempotency key. */
  | { kind: 'unknown'; reason: string };

/**
 * Refunds (reference 7.5, CONTRACT.md B17 and C.6). A refund is recorded as pending, and
 * committed, before the gateway is called, with an idempotency key of its own; the answer is
 * recorded after. So no outcome is lost: a crash or a timeout leaves a pending refund that the
 * worker tries again with the same key (the gateway then answers what it did the first time),
 * and at most one refund of a payment is ever pending or done (a unique index), so a second
 * refund never reaches the gateway.
 */
@Injectable()
export class RefundService {
  private readonly logger = new Logger(RefundService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersRepository,
    private readonly purchases: PurchasesRepository,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly gateway: PaymentGateway,
    private readonly mail: MailService,
  ) {}

  /**
   * `POST /orders/refund/{id}/`: 404 not the caller's order, 409 not paid / cancelled / already
   * refunded / a refund in progress, 400 no payment to refund or the gateway refused (or did
   * not answer: the refund then stays pending and the worker asks again). On success the order
   * and its payment are `refunded`, its purchases removed and an e-mail queued; a refund the
   * gateway accepted as pending is answered 200 too and settled by its `refund.updated` event.
   */
  async refundOrder(userId: number, orderId: number): Promise<{ message: string }> {
    const refund = await this.recordCustomerRefund(userId, orderId);
    const outcome = await this.execute(refund.id);
    if (outcome.kind === 'failed' || outcome.kind === 'unknown') throw new BadRequestException(ORDERS_MESSAGES.stripeRefundError(outcome.reason));
    return { message: ORDERS_MESSAGES.refunded };
  }

  /**
   * Records a pending refund of money that reached an order which cannot take it; the caller
   * runs `execute` once its transaction has committed.
   */
  recordAutomatic(tx: EntityManager, payment: Payment): Promise<Refund> {
    return this.refunds.insertPending(tx, { paymentId: payment.id, amount: payment.amount, reason: RefundReason.OrderNotPayable });
  }

  /** Asks the gateway for the pending refund `refundId` and records its answer. */
  async execute(refundId: number): Promise<RefundOutcome> {
    const refund = await this.refunds.findById(refundId);
    if (!refund || refund.status !== RefundStatus.Pending) return settledOutcome(refund);
    const payment = await this.payments.findById(refund.paymentId);
    if (!payment?.externalPaymentId) throw new Error(`Refund ${refund.id} has no payment intent to refund`);
    let answer: GatewayRefund;
    try {
      answer = await this.gateway.refund({
        paymentIntentId: payment.externalPaymentId,
        idempotencyKey: refundIdempotencyKey(refund),
        metadata: { refund_id: String(refund.id), payment_id: String(payment.id), order_id: String(payment.orderId) },
      });
    } catch (error) {
      const failure = error instanceof PaymentGatewayError ? error : new PaymentGatewayError(String(error), 'unknown');
      if (failure.outcome === 'refused') {
        await this.dataSource.transaction((tx) => this.settleFailed(tx, refund.id, failure.message));
        return { kind: 'failed', reason: failure.message };
      }
      this.logger.warn(`Refund ${refund.id}: no answer from the gateway (${failure.message}); it stays pending and will be tried again`);
      await this.refunds.touch(refund.id);
      return { kind: 'unknown', reason: failure.message };
    }
    return this.dataSource.transaction((tx) => this.applyAnswer(tx, refund.id, answer));
  }

  /** Records what the gateway says of one of our refunds (an answer or a `refund.updated`). */
  async applyAnswer(tx: EntityManager, refundId: number, answer: GatewayRefund): Promise<RefundOutcome> {
    switch (answer.status) {
      case 'succeeded':
        await this.settleSucceeded(tx, refundId, answer.id);
        return { kind: 'succeeded' };
      case 'failed':
      case 'canceled': {
        const reason = answer.failureReason ?? `the refund was ${answer.status}`;
        await this.settleFailed(tx, refundId, reason);
        return { kind: 'failed', reason };
      }
      case 'pending':
      case 'requires_action':
        await this.refunds.recordExternalId(tx, refundId, answer.id);
        return { kind: 'pending' };
    }
  }

  /**
   * A refund the gateway made that we did not record (from Stripe's dashboard): recorded and
   * settled, unless the payment already has one.
   */
  async recordExternal(tx: EntityManager, payment: Payment, externalRefundId: string | null): Promise<void> {
    const active = await this.refunds.findActive(tx, payment.id);
    if (active?.status === RefundStatus.Succeeded) return;
    const refund = active ?? (await this.refunds.insertPending(tx, { paymentId: payment.id, amount: payment.amount, reason: RefundReason.External }));
    await this.settleSucceeded(tx, refund.id, active?.externalRefundId ?? externalRefundId);
  }

  /**
   * The refund succeeded: its payment becomes `refunded`; if it refunded the payment that paid
   * the order, the order becomes `refunded` and loses its purchases; the e-mail is queued. Does
   * nothing for a refund already settled (a late or repeated event).
   */
  async settleSucceeded(tx: EntityManager, refundId: number, externalRefundId: string | null): Promise<void> {
    const known = await this.refunds.findById(refundId, tx);
    if (!known) throw new Error(`Refund ${refundId} does not exist`);
    const unlocked = await this.payments.findById(known.paymentId, tx);
    if (!unlocked) throw new Error(`Payment ${known.paymentId} does not exist`);
    // Locks in the order every path takes: order, payment, refund.
    const order = await this.orders.lock(tx, unlocked.orderId);
    const payment = await this.payments.lock(tx, unlocked.id);
    const refund = await this.refunds.lock(tx, refundId);
    if (!order || !payment || !refund || refund.status !== RefundStatus.Pending) return;
    REFUND_STATUS.assert(refund.status, RefundStatus.Succeeded);
    await this.refunds.settle(tx, refund.id, { status: RefundStatus.Succeeded, externalRefundId });
    if (payment.status === PaymentStatus.Successful) {
      PAYMENT_STATUS.assert(payment.status, PaymentStatus.Refunded);
      await this.payments.setStatus(tx, payment.id, payment.status, PaymentStatus.Refunded);
    }
    if (order.status === OrderStatus.Paid && refund.reason !== RefundReason.OrderNotPayable) {
      ORDER_STATUS.assert(order.status, OrderStatus.Refunded);
      await this.orders.setStatus(tx, order.id, order.status, OrderStatus.Refunded);
      await this.purchases.revokeOrder(tx, order.id);
    }
    const email = await this.orders.userEmail(tx, order.userId);
    await this.mail.sendPaymentRefund(tx, email, { orderId: order.id, amount: refund.amount, date: new Date(), refundId: refund.id });
  }

  /** The gateway refused or failed the refund; a customer may ask again, an automatic one needs a person. */
  async settleFailed(tx: EntityManager, refundId: number, reason: string): Promise<void> {
    const refund = await this.refunds.lock(tx, refundId);
    if (!refund || refund.status !== RefundStatus.Pending) return;
    REFUND_STATUS.assert(refund.status, RefundStatus.Failed);
    await this.refunds.settle(tx, refund.id, { status: RefundStatus.Failed, failureReason: reason });
    if (refund.reason === RefundReason.OrderNotPayable) {
      this.logger.error(`Automatic refund ${refund.id} of payment ${refund.paymentId} failed: ${reason}. The money must be returned by hand.`);
    }
  }

  private async recordCustomerRefund(userId: number, orderId: number): Promise<Refund> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const order = await this.orders.lock(tx, orderId, userId);
        if (!order) throw new NotFoundException(ORDERS_MESSAGES.orderNotFound);
        ORDER_STATUS.assert(order.status, OrderStatus.Refunded);
        const payment = await this.payments.latestSuccessfulOfOrder(tx, order.id);
        if (!payment?.externalPaymentId) throw new BadRequestException(ORDERS_MESSAGES.noValidPayment);
        if (await this.refunds.findActive(tx, payment.id)) throw new ConflictException(ORDERS_MESSAGES.refundInProgress);
        return this.refunds.insertPending(tx, { paymentId: payment.id, amount: payment.amount, reason: RefundReason.RequestedByCustomer });
      });
    } catch (error) {
      if (isUniqueViolation(error, ['ux_refunds_payment_id_active'])) throw new ConflictException(ORDERS_MESSAGES.refundInProgress);
      throw error;
    }
  }
}

function settledOutcome(refund: Refund | null): RefundOutcome {
  if (refund?.status === RefundStatus.Succeeded) return { kind: 'succeeded' };
  return { kind: 'failed', reason: refund?.failureReason ?? 'the refund does not exist' };
}
