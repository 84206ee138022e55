import Stripe from 'stripe';
import { stripeSignatureHeader } from './stripe-signature';

describe('stripeSignatureHeader', () => {
  const secret = 'whsec_unit_test_secret';
  const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'checkout.session.completed', data: { object: { id: 'cs_1', name: 'Amélie' } } });

  it("is the header Stripe's own signer computes", () => {
    expect(stripeSignatureHeader(payload, secret, 1_700_000_000)).toBe(Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: 1_700_000_000 }));
  });

  it('passes the Stripe SDK verification on the raw bytes, and fails it for another body or secret', () => {
    const header = stripeSignatureHeader(payload, secret);
    expect(Stripe.webhooks.constructEvent(Buffer.from(payload, 'utf8'), header, secret).id).toBe('evt_1');
    expect(() => Stripe.webhooks.constructEvent(payload.replace('Amélie', 'Amelie'), header, secret)).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() => Stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});
