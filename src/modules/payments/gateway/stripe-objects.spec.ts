import { readCharge, readCheckoutSession, readEvent, readRefund, StripeShapeError } from './stripe-objects';

describe('Stripe object readers', () => {
  it('reads an event envelope, or nothing', () => {
    expect(readEvent({ id: 'evt_1', type: 'charge.refunded', data: { object: { id: 'ch_1' } } })).toEqual({
      id: 'evt_1',
      type: 'charge.refunded',
      object: { id: 'ch_1' },
    });
    for (const value of [null, [], { id: 'evt_1', type: 'x' }, { id: '', type: 'x', data: { object: {} } }, { id: 1, type: 'x', data: { object: {} } }]) {
      expect(readEvent(value)).toBeNull();
    }
  });

  it('reads a checkout session, expanded payment intent included', () => {
    expect(
      readCheckoutSession({
        id: 'cs_1',
        status: 'complete',
        payment_status: 'paid',
        amount_total: 2249,
        currency: 'usd',
        payment_intent: { id: 'pi_1', object: 'payment_intent' },
        expires_at: 1_700_000_000,
        metadata: { order_id: '7', ignored: 3 },
        url: null,
      }),
    ).toEqual({
      id: 'cs_1',
      url: null,
      status: 'complete',
      paymentStatus: 'paid',
      amountTotal: 2249,
      currency: 'usd',
      paymentIntentId: 'pi_1',
      expiresAt: new Date(1_700_000_000_000),
      metadata: { order_id: '7' },
    });
  });

  it('refuses a session of the wrong shape', () => {
    expect(() => readCheckoutSession({ id: 'cs_1', status: 'weird', payment_status: 'paid' })).toThrow(StripeShapeError);
    expect(() => readCheckoutSession({ id: 'cs_1', status: 'open', payment_status: 'paid', amount_total: 1.5 })).toThrow(StripeShapeError);
    expect(() => readCheckoutSession('cs_1')).toThrow(StripeShapeError);
  });

  it('reads refunds and charges', () => {
    expect(readRefund({ id: 're_1', status: 'failed', payment_intent: 'pi_1', failure_reason: 'lost_or_stolen_card' })).toEqual({
      id: 're_1',
      status: 'failed',
      paymentIntentId: 'pi_1',
      metadata: {},
      failureReason: 'lost_or_stolen_card',
    });
    expect(readCharge({ id: 'ch_1', payment_intent: 'pi_1', refunded: true, refunds: { data: [{ id: 're_1' }] } })).toEqual({
      paymentIntentId: 'pi_1',
      refunded: true,
      refundIds: ['re_1'],
    });
  });
});
