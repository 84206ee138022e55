/** The state of a checkout session at the gateway, in Stripe's vocabulary. */
export type SessionState = 'open' | 'complete' | 'expired';
export type SessionPaymentStatus = 'paid' | 'unpaid' | 'no_payment_required';

export interface CheckoutLineItem {
  name: string;
  unitAmountCents: number;
}

export interface CheckoutSessionRequest {
  orderId: number;
  attempt: number;
  userId: number;
  customerEmail: string;
  currency: string;
  lineItems: CheckoutLineItem[];
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  /** The same for every retry of one attempt, so the gateway makes one session per attempt. */
  idempotencyKey: string;
}

/** A checkout session as the gateway reports it (an API answer or an event's object). */
export interface GatewayCheckoutSession {
  id: string;
  url: string | null;
  status: SessionState;
  paymentStatus: SessionPaymentStatus;
  /** In cents. */
  amountTotal: number | null;
  currency: string | null;
  paymentIntentId: string | null;
  expiresAt: Date | null;
  metadata: Record<string, string>;
}

/** A full refund of a payment intent. */
export interface RefundRequest {
  paymentIntentId: string;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export type GatewayRefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

export interface GatewayRefund {
  id: string;
  status: GatewayRefundStatus;
  paymentIntentId: string | null;
  metadata: Record<string, string>;
  failureReason: string | null;
}

/**
 * A gateway call that failed. `refused`: the gateway answered and did nothing (a declined or
 * invalid request); `unknown`: no usable answer (network, timeout, 5xx), so it may have acted,
 * and only a retry with the same idempotency key or its webhook will tell.
 */
export class PaymentGatewayError extends Error {
  constructor(
    message: string,
    readonly outcome: 'refused' | 'unknown',
  ) {
    super(message);
    this.name = 'PaymentGatewayError';
  }
}

/**
 * The payment provider behind one interface (ARCHITECTURE.md): Stripe through its official SDK,
 * or the local simulator when `STRIPE_SECRET_KEY` is unset. Both report Stripe's shapes and
 * their events reach the same webhook route, signed the same way.
 */
export abstract class PaymentGateway {
  abstract readonly name: 'stripe' | 'simulator';

  abstract createCheckoutSession(request: CheckoutSessionRequest): Promise<GatewayCheckoutSession>;

  abstract retrieveCheckoutSession(id: string): Promise<GatewayCheckoutSession>;

  /** Closes an open session so that it can no longer be paid. */
  abstract expireCheckoutSession(id: string): Promise<GatewayCheckoutSession>;

  /** A full refund of the payment. */
  abstract refund(request: RefundRequest): Promise<GatewayRefund>;
}
