/**
 * `npm run bench:webhook`: Stripe webhook events per second, with their effects committed.
 *
 * Starts the API (`src/main.ts` through @swc-node/register, in a process of its own) on a fresh
 * database holding BENCH_EVENTS pending orders of two movies each, then delivers one signed
 * `checkout.session.completed` per order (signed as Stripe signs them, at send time) over
 * BENCH_CONNECTIONS connections. Each delivery verifies the signature on the raw bytes, records
 * the event id, the payment, its items, the purchases, the `paid` status and the payment e-mail
 * (outbox) in one transaction. Then it delivers every event a second time (Stripe's retries),
 * which must change nothing, and checks the database: exactly one payment, two purchases and one
 * e-mail per order.
 *
 * Needs the PostgreSQL server of BENCH_DATABASE_URL (default: the local one, user postgres) and
 * the Redis of REDIS_URL.
 */
import autocannon, { type Result } from 'autocannon';
import { createHmac } from 'node:crypto';
import { benchEnv, createMigratedDatabase, databaseUrl, dropDatabase, runBenchmark, type RunningServer, startApi, stopServer, withClient } from './support';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECRET = 'whsec_bench_webhook_secret';

/** A migrated database with `EVENTS` users, each with a pending order of two movies (22.49). */
function prepareDatabase(name: string): Promise<number[]> {
  return createMigratedDatabase(name, async (dataSource) => {
    await dataSource.query(`INSERT INTO certifications (name) VALUES ('PG-13')`);
    await dataSource.query(`
      INSERT INTO movies (name, year, time, imdb, votes, description, price, certification_id)
      VALUES ('Alien', 1979, 117, 8.5, 900000, 'In space.', 9.99, 1), ('Heat', 1995, 170, 8.3, 700000, 'In L.A.', 12.50, 1)`);
    await dataSource.query(
      `INSERT INTO users (email, _hashed_password, is_active, group_id)
       SELECT 'bench-' || i || '@example.com', 'x', true, 2 FROM generate_series(1, $1::int) AS i`,
      [EVENTS],
    );
    await dataSource.query(`INSERT INTO orders (user_id, status, total_amount) SELECT id, 'PENDING', 22.49 FROM users`);
    await dataSource.query(`INSERT INTO order_items (order_id, movie_id, price_at_order) SELECT o.id, m.id, m.price FROM orders o CROSS JOIN movies m`);
    const rows: Array<{ id: number }> = await dataSource.query(`SELECT id FROM orders ORDER BY id`);
    return rows.map((row) => row.id);
  });
}

/** The event Stripe sends when the order's Checkout Session is paid. */
function completedEvent(orderId: number): string {
  const session = {
    id: `cs_bench_${orderId}`,
    object: 'checkout.session',
    amount_total: 2249,
    currency: 'usd',
    customer_email: `bench-${orderId}@example.com`,
    expires_at: Math.floor(Date.now() / 1000) + 1800,
    metadata: { order_id: String(orderId), attempt: '1' },
    mode: 'payment',
    payment_intent: `pi_bench_${orderId}`,
    payment_status: 'paid',
    status: 'complete',
    url: null,
  };
  return JSON.stringify({
    id: `evt_bench_${orderId}`,
    object: 'event',
    created: Math.floor(Date.now() / 1000),
    data: { object: session },
    livemode: false,
    type: 'checkout.session.completed',
  });
}

/** Delivers every event once, signing each as it goes out (the tolerance is 5 minutes). */
function deliverAll(base: string, payloads: string[]): Promise<Result> {
  let next = 0;
  return autocannon({
    url: `${base}/payments/webhook/`,
    connections: CONNECTIONS,
    amount: payloads.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const payload = payloads[next++ % payloads.length];
          const timestamp = Math.floor(Date.now() / 1000);
          const signature = createHmac('sha256', SECRET).update(`${timestamp}.${payload}`).digest('hex');
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'stripe-signature': `t=${timestamp},v1=${signature}` },
            body: payload,
          };
        },
      },
    ],
  });
}

function counts(database: string): Promise<Record<string, number>> {
  return withClient(databaseUrl(database), async (client) => {
    const { rows } = await client.query<Record<string, number>>(`
      SELECT (SELECT count(*)::int FROM payment_events) AS events,
             (SELECT count(*)::int FROM payments WHERE status = 'SUCCESSFUL') AS payments,
             (SELECT count(*)::int FROM payment_items) AS payment_items,
             (SELECT count(*)::int FROM purchases) AS purchases,
             (SELECT count(*)::int FROM orders WHERE status = 'PAID') AS paid_orders,
             (SELECT count(*)::int FROM outbox WHERE payload->>'template' = 'payment-success') AS emails`);
    return rows[0];
  });
}

function report(label: string, result: Result): void {
  const ok = result['2xx'];
  console.log(`${label}`);
  console.log(`  events/s:  ${(ok / result.duration).toFixed(1)} (${ok} answered 200 in ${result.duration.toFixed(2)} s, ${result.non2xx} non-2xx, ${result.errors} errors)`);
  console.log(`  latency:   p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
}

async function main(): Promise<void> {
  const database = `cinema_bench_${process.pid}`;
  let api: RunningServer | null = null;
  try {
    console.log(`Preparing ${database} with ${EVENTS} pending orders...`);
    const orderIds = await prepareDatabase(database);
    api = await startApi({ ...benchEnv(database, `bench-${process.pid}`), STRIPE_WEBHOOK_SECRET: SECRET });
    const { base } = api;
    const payloads = orderIds.map(completedEvent);

    const first = await deliverAll(base, payloads);
    const replay = await deliverAll(base, payloads);
    const committed = await counts(database);

    console.log(`\nPOST /payments/webhook/, ${EVENTS} signed checkout.session.completed, ${CONNECTIONS} connections`);
    report('first deliveries (payment, items, purchases, paid order, e-mail in one transaction each)', first);
    report('the same events again (recognised by their id, nothing written)', replay);
    console.log(`committed: ${JSON.stringify(committed)}`);
    const expected = { events: EVENTS, payments: EVENTS, payment_items: 2 * EVENTS, purchases: 2 * EVENTS, paid_orders: EVENTS, emails: EVENTS };
    if (JSON.stringify(committed) !== JSON.stringify(expected) || first.non2xx + first.errors + replay.non2xx + replay.errors > 0) {
      console.error(`expected ${JSON.stringify(expected)}`);
      process.exitCode = 1;
    }
  } finally {
    await stopServer(api);
    await dropDatabase(database);
  }
}

runBenchmark(main);
