import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { ORDERS_MESSAGES } from '../../src/modules/orders/orders.messages';
import { PAYMENTS_MESSAGES } from '../../src/modules/payments/payments.messages';
import { type Buyer, countRows, fillCart, insertBuyer, insertMovie, type TestMovie } from '../factories/commerce';
import { deliver, signedDelivery, stripeEvent } from '../fakes/stripe-events';
import { startStripeFake, type StripeFake } from '../fakes/stripe-fake';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, post } from '../utils/accounts';

const SECRET = 'whsec_webhook_test_secret';
const HANDLED = { status: 200, body: { message: PAYMENTS_MESSAGES.webhookHandled } };

describe('POST /payments/webhook/ (reference 11.2, CONTRACT.md C.6)', () => {
  let t: TestApp;
  let stripe: StripeFake;
  let movies: TestMovie[];
  const db = () => t.app.get(DataSource);
  const send = (event: object) => deliver(t.app, event, SECRET);

  /** A buyer with a pending order of both movies and an open checkout session at the fake. */
  async function checkoutFor(): Promise<{ buyer: Buyer; orderId: number; sessionId: string }> {
    const buyer = await insertBuyer(t);
    await fillCart(t, buyer.id, movies);
    const orderId = (await post(t, '/orders/create/', undefined, buyer.headers)).json().id;
    const checkout = await post(t, '/payments/checkout-session/', undefined, buyer.headers);
    expect(checkout.statusCode).toBe(200);
    return { buyer, orderId, sessionId: checkout.json().session_id };
  }

  async function state(orderId: number) {
    const [order] = await db().query('SELECT status FROM orders WHERE id = $1', [orderId]);
    const payments = await db().query('SELECT status, amount::text AS amount FROM payments WHERE order_id = $1 ORDER BY id', [orderId]);
    return {
      order: order.status,
      payments,
      paymentItems: await countRows(t, 'payment_items pi JOIN payments p ON p.id = pi.payment_id', 'p.order_id = $1', [orderId]),
      purchases: await countRows(t, 'purchases', 'order_id = $1', [orderId]),
      mails: await countRows(t, 'outbox', `payload->>'template' = 'payment-success' AND (payload->>'orderId')::int = $1`, [orderId]),
      refundMails: await countRows(t, 'outbox', `payload->>'template' = 'payment-refund' AND (payload->>'orderId')::int = $1`, [orderId]),
    };
  }

  /** What a paid order of both movies looks like. */
  const PAID = {
    order: 'PAID',
    payments: [{ status: 'SUCCESSFUL', amount: '22.49' }],
    paymentItems: 2,
    purchases: 2,
    mails: 1,
    refundMails: 0,
  };

  beforeAll(async () => {
    stripe = await startStripeFake();
    t = await createTestApp({ env: { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_URL: stripe.url, STRIPE_WEBHOOK_SECRET: SECRET } });
    movies = await Promise.all([insertMovie(t, { name: 'Alien', price: '9.99' }), insertMovie(t, { name: 'Heat', price: '12.50' })]);
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  describe('signature', () => {
    it('refuses a request without the header, a forged signature, a body altered after signing and an old one; nothing is written', async () => {
      const { orderId, sessionId } = await checkoutFor();
      const event = stripeEvent('checkout.session.completed', stripe.pay(sessionId));
      const { payload, headers } = signedDelivery(event, SECRET);
      const inject = (body: string, extra: Record<string, string>) => t.app.inject({ method: 'POST', url: '/payments/webhook/', payload: body, headers: extra });

      expect(answer(await inject(payload, { 'content-type': 'application/json' }))).toEqual(detail(400, PAYMENTS_MESSAGES.missingSignature));
      expect(answer(await inject(payload, signedDelivery(event, 'whsec_someone_else').headers))).toEqual(detail(400, PAYMENTS_MESSAGES.invalidSignature));
      const altered = payload.replace('"amount_total":2249', '"amount_total":1');
      expect(altered).not.toBe(payload);
      expect(answer(await inject(altered, headers))).toEqual(detail(400, PAYMENTS_MESSAGES.invalidSignature));
      const old = signedDelivery(event, SECRET, Math.floor(Date.now() / 1000) - 3600);
      expect(answer(await inject(old.payload, old.headers))).toEqual(detail(400, PAYMENTS_MESSAGES.invalidSignature));
      expect(answer(await inject(payload, { ...headers, 'stripe-signature': 'garbage' }))).toEqual(detail(400, PAYMENTS_MESSAGES.invalidSignature));

      expect(await state(orderId)).toEqual({ order: 'PENDING', payments: [], paymentItems: 0, purchases: 0, mails: 0, refundMails: 0 });
      expect(await countRows(t, 'payment_events', 'event_id = $1', [event.id])).toBe(0);

      expect(answer(await inject(payload, headers))).toEqual(HANDLED);
      expect(await state(orderId)).toEqual(PAID);
    });

    it('answers a correctly signed body that is not JSON with its own 400, not a 422', async () => {
      const payload = '{"id": "evt_1", ';
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
      const headers = { 'content-type': 'application/json', 'stripe-signature': signature };
      expect(answer(await t.app.inject({ method: 'POST', url: '/payments/webhook/', payload, headers }))).toEqual(detail(400, PAYMENTS_MESSAGES.invalidPayload));
    });

    it('refuses a correctly signed body that is not an event', async () => {
      const { payload, headers } = signedDelivery({ hello: 'world' }, SECRET);
      expect(answer(await t.app.inject({ method: 'POST', url: '/payments/webhook', payload, headers }))).toEqual(detail(400, PAYMENTS_MESSAGES.invalidPayload));
    });
  });

  it('answers 200 to event types it does not handle, and records them once', async () => {
    const event = stripeEvent('customer.created', { id: 'cus_123', object: 'customer' });
    expect(answer(await send(event))).toEqual(HANDLED);
    expect(answer(await send(event))).toEqual(HANDLED);
    expect(await countRows(t, 'payment_events', 'event_id = $1', [event.id])).toBe(1);
  });

  it('settles a paid session once: the same event 5 times in parallel, then again, gives one payment, one purchase set, one e-mail', async () => {
    const { orderId, sessionId } = await checkoutFor();
    const event = stripeEvent('checkout.session.completed', stripe.pay(sessionId));

    const responses = await Promise.all(Array.from({ length: 5 }, () => send(event)));
    for (const res of responses) expect(answer(res)).toEqual(HANDLED);
    expect(answer(await send(event))).toEqual(HANDLED);

    expect(await state(orderId)).toEqual(PAID);
    expect(await db().query('SELECT price_at_payment::text AS price FROM payment_items pi JOIN payments p ON p.id = pi.payment_id WHERE p.order_id = $1 ORDER BY pi.id', [orderId])).toEqual([
      { price: '9.99' },
      { price: '12.50' },
    ]);
    expect(await db().query('SELECT status FROM checkout_sessions WHERE external_id = $1', [sessionId])).toEqual([{ status: 'PAID' }]);
    const [mail] = await db().query(`SELECT payload FROM outbox WHERE payload->>'template' = 'payment-success' AND (payload->>'orderId')::int = $1`, [orderId]);
    expect(mail.payload).toEqual(
      expect.objectContaining({ amount: '22.49', items: [{ name: 'Alien', price: '9.99' }, { name: 'Heat', price: '12.50' }] }),
    );
  });

  it('gives one payment for two different events of the same paid session', async () => {
    const { orderId, sessionId } = await checkoutFor();
    const paid = stripe.pay(sessionId);
    await Promise.all([send(stripeEvent('checkout.session.completed', paid)), send(stripeEvent('checkout.session.async_payment_succeeded', paid))]);
    expect(await state(orderId)).toEqual(PAID);
  });

  it('waits for an asynchronous payment: completed unpaid moves nothing, then succeeded or failed decides', async () => {
    const first = await checkoutFor();
    const unpaid = { ...stripe.pay(first.sessionId), payment_status: 'unpaid' };
    expect(answer(await send(stripeEvent('checkout.session.completed', unpaid)))).toEqual(HANDLED);
    expect((await state(first.orderId)).payments).toEqual([]);
    expect(await db().query('SELECT status FROM checkout_sessions WHERE external_id = $1', [first.sessionId])).toEqual([{ status: 'PROCESSING' }]);
    await send(stripeEvent('checkout.session.async_payment_succeeded', { ...unpaid, payment_status: 'paid' }));
    expect(await state(first.orderId)).toEqual(PAID);

    const second = await checkoutFor();
    const failing = { ...stripe.pay(second.sessionId), payment_status: 'unpaid' };
    await send(stripeEvent('checkout.session.completed', failing));
    expect(answer(await send(stripeEvent('checkout.session.async_payment_failed', failing)))).toEqual(HANDLED);
    expect((await state(second.orderId)).order).toBe('PENDING');
    expect(await db().query('SELECT status FROM checkout_sessions WHERE external_id = $1', [second.sessionId])).toEqual([{ status: 'FAILED' }]);
  });

  it('refunds a payment whose amount or currency is not the order\'s, and leaves the order pending', async () => {
    const { orderId, sessionId } = await checkoutFor();
    const session = stripe.pay(sessionId);
    const paid = { ...session, amount_total: 100 };
    expect(answer(await send(stripeEvent('checkout.session.completed', paid)))).toEqual(HANDLED);

    expect(await state(orderId)).toEqual({ order: 'PENDING', payments: [{ status: 'REFUNDED', amount: '1.00' }], paymentItems: 0, purchases: 0, mails: 0, refundMails: 1 });
    expect(stripe.calls('POST', '/v1/refunds').filter((call) => call.body.payment_intent === session.payment_intent)).toHaveLength(1);
    expect(await db().query(`SELECT r.status, r.reason FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = $1`, [orderId])).toEqual([
      { status: 'SUCCEEDED', reason: 'ORDER_NOT_PAYABLE' },
    ]);
  });

  it("answers the reference's 404 for an unknown order (so Stripe retries) and ignores sessions that are not ours", async () => {
    const { sessionId } = await checkoutFor();
    const paid = stripe.pay(sessionId);
    const unknown = stripeEvent('checkout.session.completed', { ...paid, metadata: { order_id: '999999' } });
    expect(answer(await send(unknown))).toEqual(detail(404, PAYMENTS_MESSAGES.orderNotFound));
    expect(await countRows(t, 'payment_events', 'event_id = $1', [unknown.id])).toBe(0);
    expect(answer(await send(stripeEvent('checkout.session.completed', { ...paid, id: 'cs_foreign', metadata: {} })))).toEqual(HANDLED);
    expect(answer(await send(stripeEvent('checkout.session.completed', { id: 'cs_bad', object: 'checkout.session' })))).toEqual(
      detail(400, PAYMENTS_MESSAGES.invalidPayload),
    );
  });

  describe('checkout.session.expired', () => {
    it('cancels a pending order whose last session expired, recording the cancelled attempt', async () => {
      const { orderId, sessionId } = await checkoutFor();
      const expired = { ...stripe.sessions.get(sessionId), status: 'expired', url: null };
      expect(answer(await send(stripeEvent('checkout.session.expired', expired)))).toEqual(HANDLED);
      expect(await state(orderId)).toEqual(expect.objectContaining({ order: 'CANCELLED', payments: [{ status: 'CANCELLED', amount: '22.49' }] }));
      expect(await db().query('SELECT external_payment_id FROM payments WHERE order_id = $1', [orderId])).toEqual([{ external_payment_id: sessionId }]);
    });

    it('leaves the order pending while another session of it is open', async () => {
      const { buyer, orderId, sessionId } = await checkoutFor();
      const second = (await post(t, '/payments/checkout-session/', undefined, buyer.headers)).json().session_id;
      // The new attempt expired the first one at Stripe; a newer attempt is open.
      expect(stripe.sessions.get(sessionId)?.status).toBe('expired');
      await send(stripeEvent('checkout.session.expired', stripe.sessions.get(sessionId)!));
      expect((await state(orderId)).order).toBe('PENDING');

      await send(stripeEvent('checkout.session.expired', { ...stripe.sessions.get(second), status: 'expired' }));
      expect((await state(orderId)).order).toBe('CANCELLED');
    });
  });

  describe('refund events', () => {
    async function paidOrder() {
      const checkout = await checkoutFor();
      const paid = stripe.pay(checkout.sessionId);
      await send(stripeEvent('checkout.session.completed', paid));
      return { ...checkout, paymentIntent: paid.payment_intent as string };
    }

    it('charge.refunded for a refund made on Stripe: the order is refunded and loses its purchases, once', async () => {
      const { orderId, paymentIntent } = await paidOrder();
      const charge = { id: 'ch_1', object: 'charge', payment_intent: paymentIntent, refunded: true, amount_refunded: 2249, refunds: { data: [{ id: 're_dash' }] } };
      await send(stripeEvent('charge.refunded', charge));
      await send(stripeEvent('charge.refunded', charge));
      expect(await state(orderId)).toEqual({ ...PAID, order: 'REFUNDED', payments: [{ status: 'REFUNDED', amount: '22.49' }], purchases: 0, refundMails: 1 });
      expect(await db().query(`SELECT reason, external_refund_id FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = $1`, [orderId])).toEqual([
        { reason: 'EXTERNAL', external_refund_id: 're_dash' },
      ]);
    });

    it('ignores a partial refund', async () => {
      const { orderId, paymentIntent } = await paidOrder();
      await send(stripeEvent('charge.refunded', { id: 'ch_2', object: 'charge', payment_intent: paymentIntent, refunded: false, amount_refunded: 100 }));
      expect((await state(orderId)).order).toBe('PAID');
    });

    it('refund.updated settles a refund Stripe accepted as pending', async () => {
      const { buyer, orderId, paymentIntent } = await paidOrder();
      stripe.refundStatus = 'pending';
      try {
        expect(answer(await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers))).toEqual({ status: 200, body: { message: ORDERS_MESSAGES.refunded } });
      } finally {
        stripe.refundStatus = 'succeeded';
      }
      expect((await state(orderId)).order).toBe('PAID');
      expect(answer(await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers))).toEqual(detail(409, ORDERS_MESSAGES.refundInProgress));

      const [refund] = [...stripe.refunds.values()].filter((candidate) => candidate.payment_intent === paymentIntent);
      await send(stripeEvent('refund.updated', { ...refund, status: 'succeeded' }));
      expect(await state(orderId)).toEqual(expect.objectContaining({ order: 'REFUNDED', purchases: 0, refundMails: 1 }));
    });

    it('refund.updated with a failure marks our refund failed, and the customer may ask again', async () => {
      const { buyer, orderId, paymentIntent } = await paidOrder();
      stripe.refundStatus = 'pending';
      try {
        await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers);
      } finally {
        stripe.refundStatus = 'succeeded';
      }
      const [refund] = [...stripe.refunds.values()].filter((candidate) => candidate.payment_intent === paymentIntent);
      await send(stripeEvent('refund.updated', { ...refund, status: 'failed', failure_reason: 'expired_or_canceled_card' }));
      expect(await db().query(`SELECT r.status, r.failure_reason FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = $1`, [orderId])).toEqual([
        { status: 'FAILED', failure_reason: 'expired_or_canceled_card' },
      ]);
      expect((await state(orderId)).order).toBe('PAID');
    });
  });
});
