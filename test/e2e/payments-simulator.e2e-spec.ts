import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ORDERS_MESSAGES } from '../../src/modules/orders/orders.messages';
import { PAYMENTS_MESSAGES } from '../../src/modules/payments/payments.messages';
import { type Buyer, countRows, insertMovie, registerBuyer, type TestMovie } from '../factories/commerce';
import { createTestApp, type TestApp } from '../utils/app';
import { eventually, get, post } from '../utils/accounts';
import { type CapturedMail, startSmtpListener, type SmtpListener } from '../utils/smtp-listener';
import { createTestWorker, type TestWorker } from '../utils/worker';

/** Debian's Chromium, as `.ci/run` installs it. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sentTo = (mail: CapturedMail, address: string): boolean => mail.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase());

describe('payments through the local simulator, paid in a real browser (CONTRACT.md C.7)', () => {
  let t: TestApp;
  let smtp: SmtpListener;
  let worker: TestWorker;
  let browser: Browser;
  let movies: TestMovie[];
  const db = () => t.app.get(DataSource);

  async function orderAndCheckout(email: string): Promise<{ buyer: Buyer; orderId: number; url: string }> {
    const buyer = await registerBuyer(t, email, { smtp });
    for (const movie of movies) expect((await post(t, '/cart/add/', { movie_uuid: movie.uuid }, buyer.headers)).statusCode).toBe(200);
    const orderId = (await post(t, '/orders/create/', undefined, buyer.headers)).json().id;
    const checkout = await post(t, '/payments/checkout-session/', undefined, buyer.headers);
    expect(checkout.statusCode).toBe(200);
    return { buyer, orderId, url: checkout.json().checkout_url };
  }

  beforeAll(async () => {
    const port = await freePort();
    smtp = await startSmtpListener();
    t = await createTestApp({ env: { ...smtp.env, APP_URL: `http://127.0.0.1:${port}` } });
    await t.app.listen(port, '127.0.0.1');
    worker = await createTestWorker({ databaseUrl: t.databaseUrl, env: { ...smtp.env, REDIS_PREFIX: t.config.redisPrefix } });
    browser = await chromium.launch(CHROMIUM);
    movies = await Promise.all([insertMovie(t, { name: 'Alien', price: '9.99' }), insertMovie(t, { name: 'Heat', price: '12.50' })]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await t?.close();
    await smtp?.close();
  });

  it('the whole journey: register, cart, order, checkout, the simulator page paid in Chromium, webhook, purchases, e-mail', async () => {
    const { buyer, orderId, url } = await orderAndCheckout('Sim.Journey@example.com');
    expect(url).toMatch(new RegExp(`^${t.config.appUrl}/payments/simulator/checkout/cs_sim_[0-9a-f]+/$`));

    const page = await browser.newPage();
    await page.goto(url);
    expect(await page.textContent('#total')).toBe('$22.49');
    expect(await page.textContent('#email')).toBe('Sim.Journey@example.com');
    expect(await page.textContent('body')).toContain('Alien');
    await Promise.all([page.waitForURL(/\/payments\/success\/\?session_id=cs_sim_/), page.click('#pay')]);
    const result = JSON.parse((await page.textContent('body')) ?? '{}');
    expect(result).toEqual(expect.objectContaining({ message: PAYMENTS_MESSAGES.paymentSuccessful, payment_status: 'paid', order_id: orderId, order_status: 'paid' }));

    // The page again, and a second press of the button: the same event, nothing more.
    await page.goto(url);
    expect(await page.textContent('#state')).toBe('This checkout session is complete.');
    expect((await t.app.inject({ method: 'POST', url: new URL('pay/', url).pathname })).statusCode).toBe(303);
    await page.close();

    const purchases = (await get(t, '/purchases/', buyer.headers)).json().purchases;
    expect(purchases.map((purchase: { movie: { name: string } }) => purchase.movie.name).sort()).toEqual(['Alien', 'Heat']);
    expect(await countRows(t, 'payments', 'order_id = $1', [orderId])).toBe(1);
    const mail = await eventually(async () => smtp.messages.find((m) => m.subject === 'Payment Confirmation' && sentTo(m, buyer.email)), 15_000);
    expect(mail.html).toContain('Heat - $12.50');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.filter((m) => m.subject === 'Payment Confirmation' && sentTo(m, buyer.email))).toHaveLength(1);

    // The simulator refunds too.
    expect((await post(t, `/orders/refund/${orderId}/`, undefined, buyer.headers)).json()).toEqual({ message: ORDERS_MESSAGES.refunded });
    expect(await db().query('SELECT status FROM orders WHERE id = $1', [orderId])).toEqual([{ status: 'REFUNDED' }]);
  }, 60_000);

  it('"Cancel" returns to the cancel page and leaves the order pending', async () => {
    const { orderId, url } = await orderAndCheckout('Sim.Cancel@example.com');
    const page = await browser.newPage();
    await page.goto(url);
    await Promise.all([page.waitForURL(/\/payments\/cancel\/$/), page.click('#cancel')]);
    expect(JSON.parse((await page.textContent('body')) ?? '{}')).toEqual({ message: PAYMENTS_MESSAGES.paymentCancelled });
    await page.close();
    expect(await db().query('SELECT status FROM orders WHERE id = $1', [orderId])).toEqual([{ status: 'PENDING' }]);
  }, 60_000);

  it('answers 404 for a session it does not know and 409 for paying an expired one', async () => {
    expect((await get(t, '/payments/simulator/checkout/cs_sim_unknown/')).json()).toEqual({ detail: 'Not Found' });
    const { buyer, orderId, url } = await orderAndCheckout('Sim.Expired@example.com');
    expect((await post(t, `/orders/cancel/${orderId}/`, undefined, buyer.headers)).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: new URL('pay/', url).pathname });
    expect(res.statusCode).toBe(409);
    expect(await countRows(t, 'payments', 'order_id = $1', [orderId])).toBe(0);
  });
});
