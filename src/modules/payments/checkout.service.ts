import { BadRequestException, ConflictException, Injectable, InternalServerErrorException, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { moneyToCents, toMoney } from '../../common/http/money';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { type Order, OrderStatus } from '../orders/entities/order.entity';
import { type OrderLine, OrdersRepository } from '../orders/orders.repository';
import { CheckoutSessionsRepository } from './checkout-sessions.repository';
import { CURRENCY } from './checkout-settlement';
import { type CheckoutSession, CheckoutSessionStatus } from './entities/checkout-session.entity';
import { type GatewayCheckoutSession, PaymentGateway } from './gateway/payment-gateway';
import { checkoutIdempotencyKey } from './idempotency-keys';
import { PAYMENTS_MESSAGES } from './payments.messages';

/** Stripe's minimum, and the reference's choice (its section 11.1). */
const SESSION_MINUTES = 30;

export interface CheckoutResponse {
  checkout_url: string;
  session_id: string;
}

export interface PaymentResultResponse {
  message: string;
  session_id: string;
  status: GatewayCheckoutSession['status'];
  payment_status: GatewayCheckoutSession['paymentStatus'];
  order_id: number;
  order_status: string;
}

/**
 * Checkout (reference 7.6 and 11.1, CONTRACT.md C.6): one gateway session per attempt, recorded
 * before the gateway is called and created with an idempotency key derived from the order and
 * the attempt; the line items carry the order's snapshot prices.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly orders: OrdersRepository,
    private readonly sessions: CheckoutSessionsRepository,
    private readonly gateway: PaymentGateway,
  ) {}

  /**
   * 404 no pending order, 400 an order without items, 409 the catalog changed since the order
   * was made (what changed is in the message), 500 the gateway failed.
   */
  async createSession(user: AuthenticatedUser): Promise<CheckoutResponse> {
    const { order, lines, attempt } = await this.dataSource.transaction(async (tx) => {
      const pending = await this.orders.lockPendingOfUser(tx, user.id);
      if (!pending) throw new NotFoundException(PAYMENTS_MESSAGES.noPendingOrder);
      const orderLines = await this.orders.lines(pending.id, tx);
      if (orderLines.length === 0) throw new BadRequestException(PAYMENTS_MESSAGES.orderHasNoItems);
      await this.revalidate(tx, pending, orderLines);
      const expiresAt = new Date(Date.now() + SESSION_MINUTES * 60_000);
      const row = await this.sessions.insertAttempt(tx, { orderId: pending.id, amount: pending.totalAmount ?? '0.00', currency: CURRENCY, expiresAt });
      return { order: pending, lines: orderLines, attempt: row };
    });

    let session: GatewayCheckoutSession;
    try {
      session = await this.gateway.createCheckoutSession({
        orderId: order.id,
        attempt: attempt.attempt,
        userId: user.id,
        customerEmail: user.email,
        currency: CURRENCY,
        lineItems: lines.map((line) => ({ name: line.movieName, unitAmountCents: moneyToCents(line.priceAtOrder) })),
        expiresAt: attempt.expiresAt,
        successUrl: `${this.config.appUrl}/payments/success/?session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${this.config.appUrl}/payments/cancel/`,
        idempotencyKey: checkoutIdempotencyKey(order, attempt.attempt),
      });
    } catch (error) {
      this.logger.error(`Checkout session for order ${order.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.sessions.setStatus(this.dataSource.manager, attempt.id, CheckoutSessionStatus.Failed);
      throw new InternalServerErrorException(PAYMENTS_MESSAGES.somethingWentWrong);
    }

    const stillPending = await this.dataSource.transaction(async (tx) => {
      const current = await this.orders.lock(tx, order.id);
      await this.sessions.markOpen(tx, attempt.id, { externalId: session.id, url: session.url, expiresAt: session.expiresAt });
      return current?.status === OrderStatus.Pending;
    });
    if (!stillPending || !session.url) {
      // Cancelled while the session was being made: that session must not take money.
      await this.expireSessions([{ ...attempt, externalId: session.id }]);
      throw new NotFoundException(PAYMENTS_MESSAGES.noPendingOrder);
    }
    // The newest attempt replaces the older ones, so one order is not paid twice.
    await this.expireSessions((await this.sessions.openSessions(order.id)).filter((open) => open.id !== attempt.id));
    return { checkout_url: session.url, session_id: session.id };
  }

  /**
   * Expires the order's open sessions at the gateway (CONTRACT.md B30). Best effort: a session
   * that is paid anyway is refunded automatically when its event arrives.
   */
  async expireOpenSessions(orderId: number): Promise<void> {
    await this.expireSessions(await this.sessions.openSessions(orderId));
  }

  /** `GET /payments/success/?session_id=`: the session's state at the gateway and its order's. */
  async result(sessionId: string): Promise<PaymentResultResponse> {
    const row = await this.sessions.findByExternalId(sessionId);
    const order = row && (await this.orders.findById(row.orderId));
    if (!row || !order) throw new NotFoundException(PAYMENTS_MESSAGES.sessionNotFound);
    let session: GatewayCheckoutSession;
    try {
      session = await this.gateway.retrieveCheckoutSession(sessionId);
    } catch (error) {
      this.logger.error(`Session ${sessionId} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      throw new InternalServerErrorException(PAYMENTS_MESSAGES.somethingWentWrong);
    }
    return {
      message: resultMessage(session),
      session_id: session.id,
      status: session.status,
      payment_status: session.paymentStatus,
      order_id: order.id,
      order_status: order.status.toLowerCase(),
    };
  }

  /** 409 naming every movie whose price changed or that the user owns meanwhile. */
  private async revalidate(tx: EntityManager, order: Order, lines: OrderLine[]): Promise<void> {
    const owned = new Set(await this.orders.ownedMovieIds(tx, order.userId, lines.map((line) => line.movieId)));
    const changes: string[] = [];
    for (const line of lines) {
      if (owned.has(line.movieId)) changes.push(PAYMENTS_MESSAGES.alreadyOwned(line.movieName));
      else if (moneyToCents(line.currentPrice) !== moneyToCents(line.priceAtOrder)) {
        changes.push(PAYMENTS_MESSAGES.priceChanged(line.movieName, toMoney(line.priceAtOrder), toMoney(line.currentPrice)));
      }
    }
    if (changes.length > 0) throw new ConflictException(PAYMENTS_MESSAGES.orderChanged(changes));
  }

  private async expireSessions(sessions: Array<Pick<CheckoutSession, 'id' | 'externalId'>>): Promise<void> {
    for (const session of sessions) {
      if (!session.externalId) continue;
      try {
        await this.gateway.expireCheckoutSession(session.externalId);
        await this.sessions.setStatus(this.dataSource.manager, session.id, CheckoutSessionStatus.Expired);
      } catch (error) {
        this.logger.warn(`Session ${session.externalId} could not be expired: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

function resultMessage(session: GatewayCheckoutSession): string {
  if (session.paymentStatus === 'paid') return PAYMENTS_MESSAGES.paymentSuccessful;
  if (session.status === 'complete') return PAYMENTS_MESSAGES.paymentProcessing;
  if (session.status === 'expired') return PAYMENTS_MESSAGES.sessionExpired;
  return PAYMENTS_MESSAGES.paymentNotMade;
}
