import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Stripe from 'stripe';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { CheckoutSettlement, type SettlementFollowUp } from './checkout-settlement';
import { readCharge, readCheckoutSession, readEvent, readRefund, type StripeEventEnvelope, StripeShapeError } from './gateway/stripe-objects';
import { PaymentEventsRepository } from './payment-events.repository';
import { PAYMENTS_MESSAGES } from './payments.messages';
import { PaymentsRepository } from './payments.repository';
import { RefundService } from './refund.service';
import { RefundsRepository } from './refunds.repository';

type Handler = (tx: EntityManager, object: Record<string, unknown>) => Promise<SettlementFollowUp | void>;

/**
 * `POST /payments/webhook/` (reference 11.2, CONTRACT.md C.6). The signature is checked on the
 * raw bytes; each event is recorded in `payment_events` in the same transaction as its effects,
 * so a redelivery, or a concurrent delivery of the same event, changes nothing and still
 * answers 200, as do the event types we do not handle.
 */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger(WebhookService.name);
  private readonly handlers: Readonly<Record<string, Handler>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly events: PaymentEventsRepository,
    settlement: CheckoutSettlement,
    private readonly payments: PaymentsRepository,
    private readonly refunds: RefundsRepository,
    private readonly refundService: RefundService,
  ) {
    this.handlers = {
      'checkout.session.completed': (tx, object) => settlement.completed(tx, readCheckoutSession(object)),
      'checkout.session.async_payment_succeeded': (tx, object) => settlement.completed(tx, readCheckoutSession(object)),
      'checkout.session.async_payment_failed': (tx, object) => settlement.paymentFailed(tx, readCheckoutSession(object)),
      'checkout.session.expired': (tx, object) => settlement.expired(tx, readCheckoutSession(object)),
      'charge.refunded': (tx, object) => this.chargeRefunded(tx, object),
      'refund.updated': (tx, object) => this.refundUpdated(tx, object),
    };
  }

  /** 400 without a signature, with a wrong one or with a payload that is not an event. */
  async handle(rawBody: Buffer, signature: string | undefined): Promise<{ message: string }> {
    if (!signature) throw new BadRequestException(PAYMENTS_MESSAGES.missingSignature);
    const event = this.verify(rawBody, signature);
    const handler = Object.hasOwn(this.handlers, event.type) ? this.handlers[event.type] : undefined;
    const followUp = await this.dataSource.transaction(async (tx) => {
      if (!(await this.events.record(tx, event.id, event.type))) return {};
      try {
        return (await handler?.(tx, event.object)) ?? {};
      } catch (error) {
        if (error instanceof StripeShapeError) throw new BadRequestException(PAYMENTS_MESSAGES.invalidPayload);
        throw error;
      }
    });
    if (followUp.refundId !== undefined) await this.refundAfterCommit(followUp.refundId);
    return { message: PAYMENTS_MESSAGES.webhookHandled };
  }

  private verify(rawBody: Buffer, signature: string): StripeEventEnvelope {
    let parsed: unknown;
    try {
      parsed = Stripe.webhooks.constructEvent(rawBody, signature, this.config.stripe.webhookSecret);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) throw new BadRequestException(PAYMENTS_MESSAGES.invalidSignature);
      throw new BadRequestException(PAYMENTS_MESSAGES.invalidPayload);
    }
    const event = readEvent(parsed);
    if (!event) throw new BadRequestException(PAYMENTS_MESSAGES.invalidPayload);
    return event;
  }

  /** The event is recorded and answered 200 either way: a refund the gateway did not take stays pending for the worker. */
  private async refundAfterCommit(refundId: number): Promise<void> {
    try {
      const outcome = await this.refundService.execute(refundId);
      this.logger.log(`Automatic refund ${refundId}: ${outcome.kind}`);
    } catch (error) {
      this.logger.error(`Automatic refund ${refundId} could not be sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** `charge.refunded`: a full refund of one of our payments, ours or made on Stripe's side. */
  private async chargeRefunded(tx: EntityManager, object: Record<string, unknown>): Promise<void> {
    const charge = readCharge(object);
    if (!charge.refunded || !charge.paymentIntentId) return;
    const payment = await this.payments.findByIntent(tx, charge.paymentIntentId);
    if (payment) await this.refundService.recordExternal(tx, payment, charge.refundIds[0] ?? null);
  }

  /** `refund.updated`: settles one of our pending refunds (or records one made on Stripe's side). */
  private async refundUpdated(tx: EntityManager, object: Record<string, unknown>): Promise<void> {
    const answer = readRefund(object);
    if (!answer.paymentIntentId) return;
    const payment = await this.payments.findByIntent(tx, answer.paymentIntentId);
    if (!payment) return;
    const ours = (await this.refunds.findByExternalId(tx, answer.id)) ?? (await this.refunds.findActive(tx, payment.id));
    if (ours && ours.paymentId === payment.id && (ours.externalRefundId === null || ours.externalRefundId === answer.id)) {
      await this.refundService.applyAnswer(tx, ours.id, answer);
    } else if (answer.status === 'succeeded') {
      await this.refundService.recordExternal(tx, payment, answer.id);
    }
  }
}
