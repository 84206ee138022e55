import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import Stripe from 'stripe';

/** A webhook event as Stripe sends it, around `object`. */
export function stripeEvent(type: string, object: object, id = `evt_test_${randomBytes(12).toString('hex')}`): Record<string, unknown> {
  return {
    id,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/**
 * The body and headers of a webhook delivery, signed by the Stripe SDK's own signer (what
 * Stripe computes: HMAC-SHA256 of "<t>.<raw body>" with the endpoint secret).
 */
export function signedDelivery(event: object, secret: string, timestamp?: number): { payload: string; headers: Record<string, string> } {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
  return { payload, headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature } };
}

/** Delivers a signed event to the app's webhook route. */
export function deliver(
  app: { inject: (options: { method: 'POST'; url: string; payload: string; headers: Record<string, string> }) => Promise<LightMyRequestResponse> },
  event: object,
  secret: string,
): Promise<LightMyRequestResponse> {
  const { payload, headers } = signedDelivery(event, secret);
  return app.inject({ method: 'POST', url: '/payments/webhook/', payload, headers });
}
