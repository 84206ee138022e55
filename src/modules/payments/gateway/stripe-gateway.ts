import Stripe from 'stripe';
import {
  type CheckoutSessionRequest,
  type GatewayCheckoutSession,
  type GatewayRefund,
  PaymentGateway,
  PaymentGatewayError,
  type RefundRequest,
} from './payment-gateway';
import { readCheckoutSession, readRefund } from './stripe-objects';

export interface StripeGatewayOptions {
  secretKey: string;
  /** A Stripe-compatible API (stripe-mock, a test fake) instead of Stripe's own. */
  apiUrl: string | null;
}

/** Where the SDK sends its requests: Stripe's API, or `STRIPE_API_URL`. */
function hostOptions(apiUrl: string | null): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/** A Stripe error as a gateway error: answered 4xx means refused, anything else unknown. */
function gatewayError(error: unknown): PaymentGatewayError {
  if (error instanceof Stripe.errors.StripeError) {
    const answered = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500;
    // 409: an idempotent request still in progress; 429: rate limited. Neither did anything yet
    // that a retry with the same key would not find.
    const refused = answered && error.statusCode !== 409 && error.statusCode !== 429;
    const message = (error.raw as { user_message?: string } | undefined)?.user_message ?? error.message;
    return new PaymentGatewayError(message, refused ? 'refused' : 'unknown');
  }
  return new PaymentGatewayError(error instanceof Error ? error.message : String(error), 'unknown');
}

/** Stripe Checkout and refunds through the official SDK (reference 11, CONTRACT.md C.6). */
export class StripeGateway extends PaymentGateway {
  readonly name = 'stripe';
  private readonly stripe: Stripe;

  constructor(options: StripeGatewayOptions) {
    super();
    this.stripe = new Stripe(options.secretKey, {
      ...hostOptions(options.apiUrl),
      // Retries reuse the request's idempotency key, so they never double anything.
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
    });
  }

  async createCheckoutSession(request: CheckoutSessionRequest): Promise<GatewayCheckoutSession> {
    const params: Stripe.Checkout.SessionCreateParams = {
      allowed_payment_method_types: ['card'],
      mode: 'payment',
      line_items: request.lineItems.map((item) => ({
        price_data: { currency: request.currency, product_data: { name: item.name }, unit_amount: item.unitAmountCents },
        quantity: 1,
      })),
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
      metadata: { order_id: String(request.orderId), attempt: String(request.attempt) },
      client_reference_id: String(request.userId),
      customer_email: request.customerEmail,
      expires_at: Math.floor(request.expiresAt.getTime() / 1000),
    };
    return this.call(() => this.stripe.checkout.sessions.create(params, { idempotencyKey: request.idempotencyKey }), readCheckoutSession);
  }

  retrieveCheckoutSession(id: string): Promise<GatewayCheckoutSession> {
    return this.call(() => this.stripe.checkout.sessions.retrieve(id), readCheckoutSession);
  }

  expireCheckoutSession(id: string): Promise<GatewayCheckoutSession> {
    return this.call(() => this.stripe.checkout.sessions.expire(id), readCheckoutSession);
  }

  refund(request: RefundRequest): Promise<GatewayRefund> {
    return this.call(
      () =>
        this.stripe.refunds.create(
          { payment_intent: request.paymentIntentId, metadata: request.metadata },
          { idempotencyKey: request.idempotencyKey },
        ),
      readRefund,
    );
  }

  private async call<R, T>(request: () => Promise<R>, read: (answer: R) => T): Promise<T> {
    let answer: R;
    try {
      answer = await request();
    } catch (error) {
      throw gatewayError(error);
    }
    return read(answer);
  }
}
