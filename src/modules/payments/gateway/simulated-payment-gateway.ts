import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  type CheckoutSessionRequest,
  type GatewayCheckoutSession,
  type GatewayRefund,
  PaymentGateway,
  PaymentGatewayError,
  type RefundRequest,
} from './payment-gateway';
import { readCheckoutSession, readRefund } from './stripe-objects';

/** A simulated session, stored exactly as Stripe would send it (it is the events' object). */
export type SimulatedSession = Record<string, unknown> & { id: string; status: string; expires_at: number; success_url: string; cancel_url: string };

/** How long the simulator remembers sessions, refunds and idempotency keys (Stripe: 24 h keys). */
const RETENTION_SECONDS = 7 * 24 * 3600;

const unixNow = (): number => Math.floor(Date.now() / 1000);

/**
 * The local payment simulator (CONTRACT.md C.7), used when `STRIPE_SECRET_KEY` is unset: the
 * part of Stripe this service uses, kept in Redis under the deployment's prefix so that every
 * API replica sees the same sessions. Checkout URLs point at the page the API serves
 * (`/payments/simulator/checkout/<id>/`), where a person pays or cancels; paying produces a
 * signed `checkout.session.completed` delivered to the webhook route (see `SimulatorService`).
 */
export class SimulatedPaymentGateway extends PaymentGateway {
  readonly name = 'simulator';

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly appUrl: string,
  ) {
    super();
  }

  async createCheckoutSession(request: CheckoutSessionRequest): Promise<GatewayCheckoutSession> {
    const session = await this.idempotent(request.idempotencyKey, async () => {
      const id = `cs_sim_${randomBytes(12).toString('hex')}`;
      const amountTotal = request.lineItems.reduce((sum, item) => sum + item.unitAmountCents, 0);
      const created: SimulatedSession = {
        id,
        object: 'checkout.session',
        amount_total: amountTotal,
        cancel_url: request.cancelUrl,
        client_reference_id: String(request.userId),
        created: unixNow(),
        currency: request.currency,
        customer_email: request.customerEmail,
        expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        line_items: {
          object: 'list',
          data: request.lineItems.map((item) => ({
            object: 'item',
            description: item.name,
            amount_total: item.unitAmountCents,
            currency: request.currency,
            quantity: 1,
          })),
        },
        livemode: false,
        metadata: { order_id: String(request.orderId), attempt: String(request.attempt) },
        mode: 'payment',
        payment_intent: null,
        payment_status: 'unpaid',
        status: 'open',
        success_url: request.successUrl,
        url: `${this.appUrl}/payments/simulator/checkout/${id}/`,
      };
      await this.saveSession(created);
      return created;
    });
    return readCheckoutSession(session);
  }

  async retrieveCheckoutSession(id: string): Promise<GatewayCheckoutSession> {
    return readCheckoutSession(await this.session(id));
  }

  async expireCheckoutSession(id: string): Promise<GatewayCheckoutSession> {
    const session = await this.session(id);
    if (session.status !== 'open') {
      throw new PaymentGatewayError(`Only Checkout Sessions with a status in [open] can be expired (${id} is ${session.status}).`, 'refused');
    }
    const expired = { ...session, status: 'expired', url: null };
    await this.saveSession(expired);
    return readCheckoutSession(expired);
  }

  async refund(request: RefundRequest): Promise<GatewayRefund> {
    const refund = await this.idempotent(request.idempotencyKey, async () => {
      const sessionId = await this.redis.get(this.key('intent', request.paymentIntentId));
      if (sessionId === null) throw new PaymentGatewayError(`No such payment_intent: '${request.paymentIntentId}'`, 'refused');
      const { amount_total: amount } = await this.session(sessionId);
      const id = `re_sim_${randomBytes(12).toString('hex')}`;
      const first = await this.redis.set(this.key('refunded', request.paymentIntentId), id, 'EX', RETENTION_SECONDS, 'NX');
      if (first === null) throw new PaymentGatewayError(`Charge for ${request.paymentIntentId} has already been refunded.`, 'refused');
      return {
        id,
        object: 'refund',
        amount,
        currency: 'usd',
        metadata: request.metadata,
        payment_intent: request.paymentIntentId,
        status: 'succeeded',
      };
    });
    return readRefund(refund);
  }

  /** The stored, Stripe-shaped session; an open session past its time reads as expired. */
  async session(id: string): Promise<SimulatedSession> {
    const stored = await this.redis.get(this.key('session', id));
    if (stored === null) throw new PaymentGatewayError(`No such checkout.session: '${id}'`, 'refused');
    const session = JSON.parse(stored) as SimulatedSession;
    return session.status === 'open' && session.expires_at <= unixNow() ? { ...session, status: 'expired', url: null } : session;
  }

  /**
   * Pays an open session as a card would: it becomes `complete`/`paid` with a payment intent.
   * Paying a paid session again returns it unchanged; its payment intent is derived from the
   * session id, so even two clicks at once describe one and the same payment.
   */
  async pay(id: string): Promise<SimulatedSession> {
    const session = await this.session(id);
    if (session.status === 'complete') return session;
    if (session.status !== 'open') throw new PaymentGatewayError(`This checkout session is ${session.status}.`, 'refused');
    const paymentIntent = `pi_sim_${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
    const paid: SimulatedSession = { ...session, status: 'complete', payment_status: 'paid', payment_intent: paymentIntent, url: null };
    await this.redis.set(this.key('intent', paymentIntent), id, 'EX', RETENTION_SECONDS);
    await this.saveSession(paid);
    return paid;
  }

  private async saveSession(session: SimulatedSession): Promise<void> {
    await this.redis.set(this.key('session', session.id), JSON.stringify(session), 'EX', RETENTION_SECONDS);
  }

  /** Stripe's idempotency: the first answer for a key is the answer for every retry. */
  private async idempotent<T>(key: string, create: () => Promise<T>): Promise<T> {
    const redisKey = this.key('idempotency', key);
    const known = await this.redis.get(redisKey);
    if (known !== null) return JSON.parse(known) as T;
    const answer = await create();
    const stored = await this.redis.set(redisKey, JSON.stringify(answer), 'EX', RETENTION_SECONDS, 'NX');
    if (stored === null) return JSON.parse((await this.redis.get(redisKey)) as string) as T;
    return answer;
  }

  private key(kind: string, id: string): string {
    return `${this.keyPrefix}:payment-simulator:${kind}:${id}`;
  }
}
