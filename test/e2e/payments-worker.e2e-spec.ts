import { DataSource } from 'typeorm';
import { type Buyer, fillCart, insertBuyer, insertMovie, type TestMovie } from '../factories/commerce';
import { deliver, stripeEvent } from '../fakes/stripe-events';
import { startStripeFake, type StripeFake } from '../fakes/stripe-fake';
import { createTestApp, type TestApp } from '../utils/app';
import { eventually, post } from '../utils/accounts';
import { createTestWorker, type TestWorker } from '../utils/worker';

const SECRET = 'whsec_worker_secret';

describe('the worker: unpaid orders expire, lost refunds are retried', () => {
  let t: TestApp;
  let worker: TestWorker;
  let stripe: StripeFake;
  let movie: TestMovie;
  const db = () => t.app.get(DataSource);
  const statusOf = async (orderId: number): Promise<string> => (await db().query('SELECT status FROM orders WHERE id = $1', [orderId]))[0].status;

  async function pendingOrder(): Promise<{ buyer: Buyer; orderId: number }> {
    const buyer = await insertBuyer(t);
    await fillCart(t, buyer.id, [movie]);
    return { buyer, orderId: (await post(t, '/orders/create/', undefined, buyer.headers)).json().id };
  }

  const age = (orderId: number, minutes: number) => db().query(`UPDATE orders SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [orderId, minutes]);

  beforeAll(async () => {
    stripe = await startStripeFake();
    const env = { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_API_URL: stripe.url, STRIPE_WEBHOOK_SECRET: SECRET, ORDER_TTL_MINUTES: '5' };
    t = await createTestApp({ env });
    movie = await insertMovie(t, { price: '4.00' });
    worker = await createTestWorker({ databaseUrl: t.databaseUrl, env: { ...env, REDIS_PREFIX: t.config.redisPrefix, TASKS_TICK_SECONDS: '1' } });
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await stripe?.close();
  });

  it('cancels orders unpaid for ORDER_TTL_MINUTES, but not while a session may still be paid', async () => {
    const stale = await pendingOrder();
    const fresh = await pendingOrder();
    const paying = await pendingOrder();
    const abandoned = await pendingOrder();
    await post(t, '/payments/checkout-session/', undefined, paying.buyer.headers);
    await post(t, '/payments/checkout-session/', undefined, abandoned.buyer.headers);
    await db().query(`UPDATE checkout_sessions SET expires_at = now() - interval '1 minute' WHERE order_id = $1`, [abandoned.orderId]);
    for (const order of [stale, paying, abandoned]) await age(order.orderId, 6);

    await eventually(async () => (await statusOf(stale.orderId)) === 'CANCELLED' && (await statusOf(abandoned.orderId)) === 'CANCELLED', 15_000);
    expect(await statusOf(fresh.orderId)).toBe('PENDING');
    expect(await statusOf(paying.orderId)).toBe('PENDING');
  }, 30_000);

  it('asks Stripe again, with the same idempotency key, about a refund whose answer was lost, and settles it', async () => {
    const { buyer, orderId } = await pendingOrder();
    const paid = stripe.pay((await post(t, '/payments/checkout-session/', undefined, buyer.headers)).json().session_id);
    expect((await deliver(t.app, stripeEvent('checkout.session.completed', paid), SECRET)).statusCode).toBe(200);

    stripe.failNextRefund({ status: 503, type: 'api_error', message: 'Service unavailable' }, 3);
    expect((await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers)).statusCode).toBe(400);
    const [{ id: refundId }] = await db().query(`SELECT r.id FROM refunds r JOIN payments p ON p.id = r.payment_id WHERE p.order_id = $1 AND r.status = 'PENDING'`, [
      orderId,
    ]);
    await db().query(`UPDATE refunds SET updated_at = now() - interval '10 minutes' WHERE id = $1`, [refundId]);

    await eventually(async () => (await statusOf(orderId)) === 'REFUNDED', 15_000);
    expect(await db().query('SELECT status FROM refunds WHERE id = $1', [refundId])).toEqual([{ status: 'SUCCEEDED' }]);
    const keys = stripe.calls('POST', '/v1/refunds').filter((call) => call.body.payment_intent === paid.payment_intent).map((call) => call.idempotencyKey);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(new Set(keys).size).toBe(1);
    expect(stripe.refunds.size).toBe(1);
  }, 30_000);
});
