import { DataSource } from 'typeorm';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { ORDERS_MESSAGES } from '../../src/modules/orders/orders.messages';
import { PAYMENTS_MESSAGES } from '../../src/modules/payments/payments.messages';
import { type Buyer, countRows, fillCart, insertBuyer, insertMovie, registerBuyer, setPrice, type TestMovie } from '../factories/commerce';
import { deliver, stripeEvent } from '../fakes/stripe-events';
import { startStripeFake, type StripeFake } from '../fakes/stripe-fake';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, eventually, get, post } from '../utils/accounts';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';
import { type CapturedMail, startSmtpListener, type SmtpListener } from '../utils/smtp-listener';
import { createTestWorker, type TestWorker } from '../utils/worker';

const SECRET = 'whsec_stripe_journey_secret';

const sentTo = (mail: CapturedMail, address: string): boolean => mail.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase());

describe('payments through Stripe (the SDK against a local fake of its API)', () => {
  let t: TestApp;
  let stripe: StripeFake;
  let smtp: SmtpListener;
  let worker: TestWorker;
  let movies: TestMovie[];
  const db = () => t.app.get(DataSource);
  const checkout = (buyer: Buyer) => post(t, '/payments/checkout-session/', undefined, buyer.headers);

  async function pendingOrder(items: TestMovie[] = movies): Promise<{ buyer: Buyer; orderId: number }> {
    const buyer = await insertBuyer(t);
    await fillCart(t, buyer.id, items);
    return { buyer, orderId: (await post(t, '/orders/create/', undefined, buyer.headers)).json().id };
  }

  /** Checkout, payment at Stripe, and the webhook: a paid order. */
  async function paidOrder(): Promise<{ buyer: Buyer; orderId: number; paymentIntent: string }> {
    const { buyer, orderId } = await pendingOrder();
    const paid = stripe.pay((await checkout(buyer)).json().session_id);
    expect(answer(await deliver(t.app, stripeEvent('checkout.session.completed', paid), SECRET)).status).toBe(200);
    return { buyer, orderId, paymentIntent: paid.payment_intent };
  }

  const refundCalls = (paymentIntent: string) => stripe.calls('POST', '/v1/refunds').filter((call) => call.body.payment_intent === paymentIntent);

  beforeAll(async () => {
    stripe = await startStripeFake();
    smtp = await startSmtpListener();
    t = await createTestApp({
      env: { ...smtp.env, STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_URL: stripe.url, STRIPE_WEBHOOK_SECRET: SECRET, APP_URL: 'https://cinema.test' },
    });
    worker = await createTestWorker({ databaseUrl: t.databaseUrl, env: { ...smtp.env, REDIS_PREFIX: t.config.redisPrefix } });
    movies = await Promise.all([insertMovie(t, { name: 'Alien', price: '9.99' }), insertMovie(t, { name: 'Heat', price: '12.50' })]);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await smtp?.close();
    await stripe?.close();
  });

  it('the whole journey: register, cart, order, checkout, pay, webhook, purchases, payment e-mail', async () => {
    const buyer = await registerBuyer(t, 'Journey.Stripe@example.com', { smtp });
    for (const movie of movies) expect((await post(t, '/cart/add/', { movie_uuid: movie.uuid }, buyer.headers)).statusCode).toBe(200);
    const order = (await post(t, '/orders/create/', undefined, buyer.headers)).json();
    expect(order).toEqual(expect.objectContaining({ status: 'pending', total_amount: '22.49' }));

    const started = Math.floor(Date.now() / 1000);
    const session = await checkout(buyer);
    expect(session.statusCode).toBe(200);
    const { checkout_url: url, session_id: sessionId } = session.json();
    expect(url).toBe(`https://checkout.stripe.test/c/pay/${sessionId}`);

    const [create] = stripe.calls('POST', '/v1/checkout/sessions').slice(-1);
    expect(create.authorization).toBe(`Bearer ${stripe.secretKey}`);
    expect(create.idempotencyKey).toMatch(new RegExp(`^checkout-${order.id}-\\d+-1$`));
    expect(create.body).toEqual(
      expect.objectContaining({
        mode: 'payment',
        allowed_payment_method_types: ['card'],
        customer_email: 'Journey.Stripe@example.com',
        client_reference_id: String(buyer.id),
        metadata: { order_id: String(order.id), attempt: '1' },
        success_url: 'https://cinema.test/payments/success/?session_id={CHECKOUT_SESSION_ID}',
        cancel_url: 'https://cinema.test/payments/cancel/',
        line_items: [
          { price_data: { currency: 'usd', product_data: { name: 'Alien' }, unit_amount: '999' }, quantity: '1' },
          { price_data: { currency: 'usd', product_data: { name: 'Heat' }, unit_amount: '1250' }, quantity: '1' },
        ],
      }),
    );
    expect(Number(create.body.expires_at) - started).toBeGreaterThanOrEqual(30 * 60 - 5);
    expect(Number(create.body.expires_at) - started).toBeLessThanOrEqual(30 * 60 + 5);

    expect((await get(t, `/payments/success/?session_id=${sessionId}`)).json()).toEqual({
      message: PAYMENTS_MESSAGES.paymentNotMade,
      session_id: sessionId,
      status: 'open',
      payment_status: 'unpaid',
      order_id: order.id,
      order_status: 'pending',
    });

    const paid = stripe.pay(sessionId);
    expect(answer(await deliver(t.app, stripeEvent('checkout.session.completed', paid), SECRET))).toEqual({
      status: 200,
      body: { message: PAYMENTS_MESSAGES.webhookHandled },
    });

    expect((await get(t, `/payments/success/?session_id=${sessionId}`)).json()).toEqual(
      expect.objectContaining({ message: PAYMENTS_MESSAGES.paymentSuccessful, status: 'complete', payment_status: 'paid', order_status: 'paid' }),
    );
    const purchases = (await get(t, '/purchases/', buyer.headers)).json();
    expect(purchases.purchases.map((purchase: { movie: { name: string } }) => purchase.movie.name).sort()).toEqual(['Alien', 'Heat']);
    expect((await get(t, '/payments/', buyer.headers)).json().payments).toEqual([
      {
        created_at: expect.stringMatching(/Z$/),
        amount: '22.49',
        status: 'successful',
        id: expect.any(Number),
        order_id: order.id,
        external_payment_id: paid.payment_intent,
      },
    ]);
    expect((await get(t, '/orders/', buyer.headers)).json().orders[0]).toEqual(expect.objectContaining({ id: order.id, status: 'paid' }));

    const mail = await eventually(async () => smtp.messages.find((m) => m.subject === 'Payment Confirmation' && sentTo(m, 'journey.stripe@example.com')));
    expect(mail.text).toContain(`#${order.id}`);
    expect(mail.text).toContain('$22.49');
    expect(mail.text).toContain('Alien - $9.99');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.filter((m) => m.subject === 'Payment Confirmation' && sentTo(m, 'journey.stripe@example.com'))).toHaveLength(1);
  });

  describe('POST /payments/checkout-session/', () => {
    it('answers 404 without a pending order and 400 for an order without items', async () => {
      const buyer = await insertBuyer(t);
      expect(answer(await checkout(buyer))).toEqual(detail(404, PAYMENTS_MESSAGES.noPendingOrder));
      await db().query(`INSERT INTO orders (user_id, status, total_amount) VALUES ($1, 'PENDING', 0)`, [buyer.id]);
      expect(answer(await checkout(buyer))).toEqual(detail(400, PAYMENTS_MESSAGES.orderHasNoItems));
    });

    it('says what changed instead of charging another amount (409)', async () => {
      const [cheap, owned] = await Promise.all([insertMovie(t, { name: 'Cheap', price: '3.00' }), insertMovie(t, { name: 'Owned', price: '4.00' })]);
      const { buyer } = await pendingOrder([cheap, owned]);
      await setPrice(t, cheap, '3.50');
      await db().query('INSERT INTO purchases (user_id, movie_id) VALUES ($1, $2)', [buyer.id, owned.id]);
      const calls = stripe.calls('POST', '/v1/checkout/sessions').length;
      expect(answer(await checkout(buyer))).toEqual(
        detail(409, PAYMENTS_MESSAGES.orderChanged([PAYMENTS_MESSAGES.priceChanged('Cheap', '3.00', '3.50'), PAYMENTS_MESSAGES.alreadyOwned('Owned')])),
      );
      expect(stripe.calls('POST', '/v1/checkout/sessions')).toHaveLength(calls);
    });

    it("answers the reference's 500 when Stripe fails, and records the failed attempt", async () => {
      const { buyer, orderId } = await pendingOrder();
      stripe.failNextSession({ status: 400, type: 'invalid_request_error', message: 'Invalid currency' });
      expect(answer(await checkout(buyer))).toEqual(detail(500, PAYMENTS_MESSAGES.somethingWentWrong));
      expect(await db().query('SELECT attempt, status FROM checkout_sessions WHERE order_id = $1', [orderId])).toEqual([{ attempt: 1, status: 'FAILED' }]);
      expect((await checkout(buyer)).statusCode).toBe(200);
    });

    it('makes one session per attempt, each with its own idempotency key, and expires the older one', async () => {
      const { buyer, orderId } = await pendingOrder();
      const first = (await checkout(buyer)).json().session_id;
      const second = (await checkout(buyer)).json().session_id;
      expect(first).not.toBe(second);
      const keys = stripe.calls('POST', '/v1/checkout/sessions').filter((call) => call.body.metadata?.order_id === String(orderId)).map((call) => call.idempotencyKey);
      expect(keys).toEqual([expect.stringMatching(/-1$/), expect.stringMatching(/-2$/)]);
      expect(stripe.sessions.get(first)?.status).toBe('expired');
      expect(stripe.sessions.get(second)?.status).toBe('open');
    });
  });

  describe('GET /payments/success/ and /payments/cancel/', () => {
    it('keep the static answers without a session, 404 for a session that is not ours', async () => {
      expect(answer(await get(t, '/payments/success/'))).toEqual({ status: 200, body: { message: PAYMENTS_MESSAGES.paymentSuccessful } });
      expect(answer(await get(t, '/payments/cancel/?session_id=cs_x'))).toEqual({ status: 200, body: { message: PAYMENTS_MESSAGES.paymentCancelled } });
      expect(answer(await get(t, '/payments/success/?session_id=cs_unknown'))).toEqual(detail(404, PAYMENTS_MESSAGES.sessionNotFound));
    });
  });

  it('the simulator page does not exist when Stripe is configured', async () => {
    expect((await get(t, '/payments/simulator/checkout/cs_sim_x/')).statusCode).toBe(404);
  });

  describe('cancelling (CONTRACT.md B30)', () => {
    it('expires the open session at Stripe', async () => {
      const { buyer, orderId } = await pendingOrder();
      const sessionId = (await checkout(buyer)).json().session_id;
      expect(answer(await post(t, `/orders/cancel/${orderId}/`, undefined, buyer.headers))).toEqual({ status: 200, body: { message: ORDERS_MESSAGES.cancelled } });
      expect(stripe.calls('POST', `/v1/checkout/sessions/${sessionId}/expire`)).toHaveLength(1);
      expect(stripe.sessions.get(sessionId)?.status).toBe('expired');
      expect(await db().query('SELECT status FROM checkout_sessions WHERE external_id = $1', [sessionId])).toEqual([{ status: 'EXPIRED' }]);
    });

    it('refunds automatically a payment that completes after the order was cancelled', async () => {
      const { buyer, orderId } = await pendingOrder();
      const paid = stripe.pay((await checkout(buyer)).json().session_id);
      // Paid at Stripe a moment before the cancel: the expiry is refused, the event comes after.
      expect((await post(t, `/orders/cancel/${orderId}/`, undefined, buyer.headers)).statusCode).toBe(200);
      expect((await deliver(t.app, stripeEvent('checkout.session.completed', paid), SECRET)).statusCode).toBe(200);

      expect(refundCalls(paid.payment_intent)).toHaveLength(1);
      expect(await db().query('SELECT status FROM orders WHERE id = $1', [orderId])).toEqual([{ status: 'CANCELLED' }]);
      expect(await db().query('SELECT status FROM payments WHERE order_id = $1', [orderId])).toEqual([{ status: 'REFUNDED' }]);
      expect(await countRows(t, 'purchases', 'order_id = $1', [orderId])).toBe(0);
      expect(await countRows(t, 'outbox', `payload->>'template' = 'payment-success' AND (payload->>'orderId')::int = $1`, [orderId])).toBe(0);
      expect(await countRows(t, 'outbox', `payload->>'template' = 'payment-refund' AND (payload->>'orderId')::int = $1`, [orderId])).toBe(1);
    });
  });

  describe('POST /orders/refund/{order_id}/', () => {
    it('refunds at Stripe with an idempotency key, then marks everything refunded and mails the customer; a second refund is a 409', async () => {
      const { buyer, orderId, paymentIntent } = await paidOrder();
      expect(answer(await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers))).toEqual({ status: 200, body: { message: ORDERS_MESSAGES.refunded } });

      const [call] = refundCalls(paymentIntent);
      expect(call.idempotencyKey).toMatch(/^refund-\d+-\d+$/);
      expect(call.body.metadata).toEqual(expect.objectContaining({ order_id: String(orderId) }));
      expect(await db().query('SELECT status FROM orders WHERE id = $1', [orderId])).toEqual([{ status: 'REFUNDED' }]);
      expect(await db().query('SELECT status FROM payments WHERE order_id = $1', [orderId])).toEqual([{ status: 'REFUNDED' }]);
      expect(await countRows(t, 'purchases', 'order_id = $1', [orderId])).toBe(0);
      expect(await db().query(`SELECT r.status, r.reason FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = $1`, [orderId])).toEqual([
        { status: 'SUCCEEDED', reason: 'REQUESTED_BY_CUSTOMER' },
      ]);
      await eventually(async () => smtp.messages.find((m) => m.subject === 'Refund Confirmation' && sentTo(m, buyer.email)));

      expect(answer(await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers))).toEqual(detail(409, ORDERS_MESSAGES.alreadyRefunded));
      expect(refundCalls(paymentIntent)).toHaveLength(1);
      // The refunded movies may be bought again.
      await fillCart(t, buyer.id, movies);
      expect((await post(t, '/orders/create/', undefined, buyer.headers)).statusCode).toBe(201);
    });

    it('calls Stripe once for concurrent refund requests', async () => {
      const { buyer, orderId, paymentIntent } = await paidOrder();
      const responses = await Promise.all(Array.from({ length: 5 }, () => post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers)));
      expect(responses.map((res) => res.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(refundCalls(paymentIntent)).toHaveLength(1);
    });

    it('reports a refund Stripe refuses, keeps the order paid, and lets the customer try again', async () => {
      const { buyer, orderId, paymentIntent } = await paidOrder();
      stripe.failNextRefund({ status: 402, type: 'card_error', message: 'Your card was declined for refunds.' });
      expect(answer(await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers))).toEqual(
        detail(400, ORDERS_MESSAGES.stripeRefundError('Your card was declined for refunds.')),
      );
      expect(await db().query('SELECT status FROM orders WHERE id = $1', [orderId])).toEqual([{ status: 'PAID' }]);
      expect(await countRows(t, 'purchases', 'order_id = $1', [orderId])).toBe(2);
      expect(await db().query(`SELECT r.status, r.failure_reason FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = $1`, [orderId])).toEqual([
        { status: 'FAILED', failure_reason: 'Your card was declined for refunds.' },
      ]);

      expect((await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers)).statusCode).toBe(200);
      expect(refundCalls(paymentIntent).map((call) => call.idempotencyKey)).toEqual([expect.any(String), expect.any(String)]);
      expect(new Set(refundCalls(paymentIntent).map((call) => call.idempotencyKey)).size).toBe(2);
      expect(await db().query('SELECT status FROM orders WHERE id = $1', [orderId])).toEqual([{ status: 'REFUNDED' }]);
    });

    it('keeps a refund pending when Stripe does not answer, and refuses a second one meanwhile', async () => {
      const { buyer, orderId } = await paidOrder();
      stripe.failNextRefund({ status: 500, type: 'api_error', message: 'Stripe had a hiccup.' }, 3);
      const res = await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/^Stripe refund error: /);
      expect(await db().query(`SELECT r.status FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = $1`, [orderId])).toEqual([{ status: 'PENDING' }]);
      expect(answer(await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers))).toEqual(detail(409, ORDERS_MESSAGES.refundInProgress));
    });
  });

  describe('GET /admin/payments/', () => {
    it('lists every payment with the payer, filtered and sorted as asked', async () => {
      const admin = await insertUser(t, { group: UserGroupName.Admin });
      const headers = bearer(accessTokenFor(t, admin.id));
      const { buyer, orderId, paymentIntent } = await paidOrder();

      const body = (await get(t, `/admin/payments/?user_id=${buyer.id}&status=SUCCESSFUL`, headers)).json();
      expect(body).toEqual({
        prev_page: null,
        next_page: null,
        total_pages: 1,
        total_items: 1,
        payments: [
          {
            created_at: expect.stringMatching(/Z$/),
            amount: '22.49',
            status: 'successful',
            email: buyer.email.toLowerCase(),
            id: expect.any(Number),
            user_id: buyer.id,
            order_id: orderId,
            external_payment_id: paymentIntent,
          },
        ],
      });
      const today = new Date().toISOString().slice(0, 10);
      expect((await get(t, `/admin/payments/?email=${buyer.email.slice(0, 12)}&created_at=${today}`, headers)).json().total_items).toBe(1);
      expect((await get(t, `/admin/payments/?user_id=${buyer.id}&status=refunded`, headers)).json().total_items).toBe(0);
      const sorted = (await get(t, '/admin/payments/?sort=amount&per_page=20', headers)).json().payments.map((p: { amount: string }) => Number(p.amount));
      expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
      expect(answer(await get(t, '/admin/payments/?created_at=01-08-2025&status=nope', headers))).toEqual(detail(400, ORDERS_MESSAGES.invalidDate));
      expect(answer(await get(t, '/admin/payments/?status=paid', headers))).toEqual(detail(400, PAYMENTS_MESSAGES.invalidStatus));
      expect(answer(await get(t, '/admin/payments/', buyer.headers))).toEqual(detail(403, 'Access denied. Admin privileges required.'));
    });
  });
});
