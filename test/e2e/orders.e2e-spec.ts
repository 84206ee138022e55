import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { CART_MESSAGES } from '../../src/modules/cart/cart.messages';
import { ORDERS_MESSAGES } from '../../src/modules/orders/orders.messages';
import { type Buyer, countRows, fillCart, insertBuyer, insertMovie, setPrice, type TestMovie } from '../factories/commerce';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, get, post } from '../utils/accounts';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';

describe('orders (reference 7.2-7.4 and 8.3, CONTRACT.md C.5, C.6)', () => {
  let t: TestApp;
  let movies: TestMovie[];
  const db = () => t.app.get(DataSource);
  const create = (buyer: Buyer) => post(t, '/orders/create/', undefined, buyer.headers);

  /** An order row straight in the database, for list and admin tests. */
  async function insertOrder(userId: number, status: string, total: string | null, createdAt: string): Promise<number> {
    const [{ id }] = await db().query(`INSERT INTO orders (user_id, status, total_amount, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
      userId,
      status,
      total,
      createdAt,
    ]);
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    movies = await Promise.all([insertMovie(t, { name: 'Alien', price: '9.99' }), insertMovie(t, { name: 'Heat', price: '12.50' })]);
  });
  afterAll(() => t?.close());

  describe('POST /orders/create/', () => {
    it('makes a pending order from the cart at snapshot prices, totals it and empties the cart', async () => {
      const buyer = await insertBuyer(t);
      await fillCart(t, buyer.id, movies);

      const res = await create(buyer);
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toEqual({
        id: expect.any(Number),
        status: 'pending',
        total_amount: '22.49',
        created_at: expect.stringMatching(/Z$/),
        movies: [
          { uuid: movies[0].uuid, name: 'Alien', price: '9.99' },
          { uuid: movies[1].uuid, name: 'Heat', price: '12.50' },
        ],
      });
      expect(await db().query('SELECT price_at_order::text AS price FROM order_items WHERE order_id = $1 ORDER BY id', [body.id])).toEqual([
        { price: '9.99' },
        { price: '12.50' },
      ]);
      expect(await countRows(t, 'cart_items ci JOIN carts c ON c.id = ci.cart_id', 'c.user_id = $1', [buyer.id])).toBe(0);
    });

    it('keeps the snapshot when the catalog price changes later', async () => {
      const movie = await insertMovie(t, { price: '5.00' });
      const buyer = await insertBuyer(t);
      await fillCart(t, buyer.id, [movie]);
      const { id } = (await create(buyer)).json();
      await setPrice(t, movie, '7.00');
      expect((await get(t, '/orders/', buyer.headers)).json().orders[0]).toEqual(expect.objectContaining({ id, total_amount: '5.00' }));
    });

    it('answers the reference checks in order: no cart, empty cart, pending order, already bought', async () => {
      const cartless = await insertUser(t);
      expect(answer(await post(t, '/orders/create/', undefined, bearer(accessTokenFor(t, cartless.id))))).toEqual(detail(404, CART_MESSAGES.cartNotFound));

      const buyer = await insertBuyer(t);
      expect(answer(await create(buyer))).toEqual(detail(400, ORDERS_MESSAGES.cartEmpty));

      await fillCart(t, buyer.id, [movies[0]]);
      expect((await create(buyer)).statusCode).toBe(201);
      await fillCart(t, buyer.id, [movies[1]]);
      expect(answer(await create(buyer))).toEqual(detail(400, ORDERS_MESSAGES.pendingOrderExists));

      const owner = await insertBuyer(t);
      await db().query('INSERT INTO purchases (user_id, movie_id) VALUES ($1, $2)', [owner.id, movies[1].id]);
      await fillCart(t, owner.id, [movies[0], movies[1]]);
      expect(answer(await create(owner))).toEqual(detail(409, ORDERS_MESSAGES.alreadyPurchased));

      const paid = await insertBuyer(t);
      const orderId = await insertOrder(paid.id, 'PAID', '9.99', '2025-01-01T00:00:00Z');
      await db().query('INSERT INTO order_items (order_id, movie_id, price_at_order) VALUES ($1, $2, 9.99)', [orderId, movies[0].id]);
      await fillCart(t, paid.id, [movies[0]]);
      expect(answer(await create(paid))).toEqual(detail(409, ORDERS_MESSAGES.alreadyPurchased));
      expect(await countRows(t, 'orders', 'user_id IN ($1, $2)', [owner.id, paid.id])).toBe(1);
    });

    it('makes exactly one order out of 20 concurrent calls for the same cart', async () => {
      const buyer = await insertBuyer(t);
      await fillCart(t, buyer.id, movies);

      const responses = await Promise.all(Array.from({ length: 20 }, () => create(buyer)));
      const statuses = responses.map((res) => res.statusCode);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      for (const res of responses.filter((candidate) => candidate.statusCode !== 201)) {
        expect([ORDERS_MESSAGES.cartEmpty, ORDERS_MESSAGES.pendingOrderExists]).toContain(res.json().detail);
        expect(res.statusCode).toBe(400);
      }
      expect(await countRows(t, 'orders', 'user_id = $1', [buyer.id])).toBe(1);
      expect(await countRows(t, 'order_items oi JOIN orders o ON o.id = oi.order_id', 'o.user_id = $1', [buyer.id])).toBe(2);
    });

    it('lets the database refuse a second pending order even without the cart lock', async () => {
      const buyer = await insertBuyer(t);
      await insertOrder(buyer.id, 'PENDING', '1.00', '2025-01-01T00:00:00Z');
      await expect(insertOrder(buyer.id, 'PENDING', '1.00', '2025-01-02T00:00:00Z')).rejects.toThrow(/ux_orders_user_id_pending/);
    });
  });

  describe('GET /orders/', () => {
    it("lists the caller's orders newest first (id breaks ties), paginated", async () => {
      const buyer = await insertBuyer(t);
      const other = await insertBuyer(t);
      const ids = [
        await insertOrder(buyer.id, 'CANCELLED', '1.00', '2025-01-01T10:00:00Z'),
        await insertOrder(buyer.id, 'PAID', '2.00', '2025-01-02T10:00:00Z'),
        await insertOrder(buyer.id, 'REFUNDED', '3.00', '2025-01-02T10:00:00Z'),
      ];
      await insertOrder(other.id, 'PAID', '4.00', '2025-01-03T10:00:00Z');

      const first = (await get(t, '/orders/?per_page=2', buyer.headers)).json();
      expect(first).toEqual({
        prev_page: null,
        next_page: 'http://localhost:80/orders/?page=2&per_page=2',
        total_pages: 2,
        total_items: 3,
        orders: [
          { id: ids[2], status: 'refunded', total_amount: '3.00', created_at: '2025-01-02T10:00:00.000Z' },
          { id: ids[1], status: 'paid', total_amount: '2.00', created_at: '2025-01-02T10:00:00.000Z' },
        ],
      });
      const second = (await get(t, '/orders/?page=2&per_page=2', buyer.headers)).json();
      expect(second.orders.map((order: { id: number }) => order.id)).toEqual([ids[0]]);
      expect(second.prev_page).toBe('http://localhost:80/orders/?page=1&per_page=2');
      expect((await get(t, '/orders/?per_page=21', buyer.headers)).statusCode).toBe(422);
    });
  });

  describe('POST /orders/cancel/{order_id}/', () => {
    it('cancels a pending order of the caller, then refuses every further change with the reference message', async () => {
      const buyer = await insertBuyer(t);
      const pending = await insertOrder(buyer.id, 'PENDING', '1.00', '2025-01-01T00:00:00Z');
      expect(answer(await post(t, `/orders/cancel/${pending}/`, undefined, buyer.headers))).toEqual({
        status: 200,
        body: { message: ORDERS_MESSAGES.cancelled },
      });
      expect(await db().query('SELECT status FROM orders WHERE id = $1', [pending])).toEqual([{ status: 'CANCELLED' }]);
      expect(answer(await post(t, `/orders/cancel/${pending}/`, undefined, buyer.headers))).toEqual(detail(409, ORDERS_MESSAGES.alreadyCancelled));

      const paid = await insertOrder(buyer.id, 'PAID', '1.00', '2025-01-01T00:00:00Z');
      expect(answer(await post(t, `/orders/cancel/${paid}`, undefined, buyer.headers))).toEqual(detail(409, ORDERS_MESSAGES.paidCannotBeCancelled));
      const refunded = await insertOrder(buyer.id, 'REFUNDED', '1.00', '2025-01-01T00:00:00Z');
      expect(answer(await post(t, `/orders/cancel/${refunded}`, undefined, buyer.headers))).toEqual(
        detail(409, ORDERS_MESSAGES.refundedCannotBeCancelled),
      );
    });

    it("answers 404 for an unknown order or someone else's, 422 for a non-integer id", async () => {
      const buyer = await insertBuyer(t);
      const other = await insertBuyer(t);
      const theirs = await insertOrder(other.id, 'PENDING', '1.00', '2025-01-01T00:00:00Z');
      expect(answer(await post(t, `/orders/cancel/${theirs}/`, undefined, buyer.headers))).toEqual(detail(404, ORDERS_MESSAGES.orderNotFound));
      expect(answer(await post(t, '/orders/cancel/999999/', undefined, buyer.headers))).toEqual(detail(404, ORDERS_MESSAGES.orderNotFound));
      expect((await post(t, '/orders/cancel/x/', undefined, buyer.headers)).json().detail[0]).toEqual(
        expect.objectContaining({ type: 'int_parsing', loc: ['path', 'order_id'] }),
      );
      expect(await db().query('SELECT status FROM orders WHERE id = $1', [theirs])).toEqual([{ status: 'PENDING' }]);
    });
  });

  describe('POST /orders/refund/{order_id}/ (checks before any payment)', () => {
    it('answers 404, then 409 for pending, cancelled and refunded orders, then 400 without a payment', async () => {
      const buyer = await insertBuyer(t);
      const refund = (id: number | string) => post(t, `/orders/refund/${id}/`, undefined, buyer.headers);
      expect(answer(await refund(999999))).toEqual(detail(404, ORDERS_MESSAGES.orderNotFound));
      expect(answer(await refund(await insertOrder(buyer.id, 'PENDING', '1.00', '2025-01-01T00:00:00Z')))).toEqual(detail(409, ORDERS_MESSAGES.notPaid));
      expect(answer(await refund(await insertOrder(buyer.id, 'CANCELLED', '1.00', '2025-01-01T00:00:00Z')))).toEqual(
        detail(409, ORDERS_MESSAGES.cancelledCannotBeRefunded),
      );
      expect(answer(await refund(await insertOrder(buyer.id, 'REFUNDED', '1.00', '2025-01-01T00:00:00Z')))).toEqual(
        detail(409, ORDERS_MESSAGES.alreadyRefunded),
      );
      const paid = await insertOrder(buyer.id, 'PAID', '1.00', '2025-01-01T00:00:00Z');
      expect(answer(await refund(paid))).toEqual(detail(400, ORDERS_MESSAGES.noValidPayment));
      await db().query(`INSERT INTO payments (user_id, order_id, amount, status, external_payment_id) VALUES ($1, $2, 1.00, 'SUCCESSFUL', NULL)`, [
        buyer.id,
        paid,
      ]);
      expect(answer(await refund(paid))).toEqual(detail(400, ORDERS_MESSAGES.noValidPayment));
    });
  });

  describe('GET /admin/orders/', () => {
    let headers: { authorization: string };
    let ann: Buyer;
    let bob: Buyer;
    let ids: number[];

    beforeAll(async () => {
      const admin = await insertUser(t, { group: UserGroupName.Admin });
      headers = bearer(accessTokenFor(t, admin.id));
      ann = await insertBuyer(t, { email: 'Ann_Admin-Test@Example.com' });
      bob = await insertBuyer(t, { email: 'bob-admin-test@example.com' });
      ids = [
        await insertOrder(ann.id, 'PAID', '10.00', '2030-08-01T10:00:00Z'),
        await insertOrder(ann.id, 'CANCELLED', null, '2030-08-02T23:59:59Z'),
        await insertOrder(bob.id, 'PAID', '5.00', '2030-08-02T00:00:00Z'),
        await insertOrder(bob.id, 'REFUNDED', '7.00', '2030-08-03T00:00:00Z'),
      ];
    });

    const list = async (query: string) => (await get(t, `/admin/orders/?${query}`, headers)).json();
    const idsOf = (body: { orders: Array<{ id: number }> }) => body.orders.map((order) => order.id);

    it('filters by user, e-mail part (case-insensitive, wildcards literal), day and status, newest first', async () => {
      expect(idsOf(await list(`user_id=${ann.id}`))).toEqual([ids[1], ids[0]]);
      expect(idsOf(await list('email=ANN_ADMIN'))).toEqual([ids[1], ids[0]]);
      expect(idsOf(await list('email=admin_test'))).toEqual([]);
      expect(idsOf(await list('created_at=2030-8-2'))).toEqual([ids[1], ids[2]]);
      expect(idsOf(await list('created_at=2030-08-02&status=Paid'))).toEqual([ids[2]]);
      expect(idsOf(await list('status=refunded&email=admin-test'))).toEqual([ids[3]]);
    });

    it('shows the reference item shape, with null totals left alone (no writes on GET)', async () => {
      const body = await list(`user_id=${ann.id}`);
      expect(body.orders).toEqual([
        { id: ids[1], status: 'cancelled', total_amount: null, created_at: '2030-08-02T23:59:59.000Z', email: 'ann_admin-test@example.com', user_id: ann.id },
        { id: ids[0], status: 'paid', total_amount: '10.00', created_at: '2030-08-01T10:00:00.000Z', email: 'ann_admin-test@example.com', user_id: ann.id },
      ]);
      expect(await db().query('SELECT total_amount FROM orders WHERE id = $1', [ids[1]])).toEqual([{ total_amount: null }]);
    });

    it('sorts by the given key, keeps every filter and the sort in its links', async () => {
      expect(idsOf(await list(`email=admin-test&sort=total_amount`))).toEqual([ids[1], ids[2], ids[3], ids[0]]);
      expect(idsOf(await list(`email=admin-test&sort=-id`))).toEqual([...ids].reverse());
      const body = await list(`user_id=${bob.id}&created_at=2030-08-03&status=REFUNDED&email=bob&sort=id&per_page=1&page=2&ignored=1`);
      expect(body.prev_page).toBe(
        `http://localhost:80/admin/orders/?user_id=${bob.id}&created_at=2030-08-03&status=REFUNDED&email=bob&sort=id&page=1&per_page=1`,
      );
      expect((await get(t, '/admin/orders/?sort=email', headers)).statusCode).toBe(422);
    });

    it('answers the reference 400s, the date before the status', async () => {
      expect(answer(await get(t, '/admin/orders/?created_at=2030-02-30&status=nope', headers))).toEqual(detail(400, ORDERS_MESSAGES.invalidDate));
      expect(answer(await get(t, '/admin/orders/?status=shipped', headers))).toEqual(detail(400, ORDERS_MESSAGES.invalidStatus));
    });

    it('is for admins only', async () => {
      expect(answer(await get(t, '/admin/orders/', ann.headers))).toEqual(detail(403, 'Access denied. Admin privileges required.'));
      expect(answer(await get(t, '/admin/orders/'))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    });
  });

  describe('GET /purchases/', () => {
    it("lists the caller's movies, most recently bought first", async () => {
      const buyer = await insertBuyer(t);
      const orderId = await insertOrder(buyer.id, 'PAID', '22.49', '2025-01-01T00:00:00Z');
      await db().query(
        `INSERT INTO purchases (user_id, movie_id, order_id, purchased_at) VALUES ($1, $2, $3, '2025-01-01T00:00:00Z'), ($1, $4, NULL, '2025-02-01T00:00:00Z')`,
        [buyer.id, movies[0].id, orderId, movies[1].id],
      );
      expect((await get(t, '/purchases/?per_page=1', buyer.headers)).json()).toEqual({
        prev_page: null,
        next_page: 'http://localhost:80/purchases/?page=2&per_page=1',
        total_pages: 2,
        total_items: 2,
        purchases: [
          {
            id: expect.any(Number),
            purchased_at: '2025-02-01T00:00:00.000Z',
            order_id: null,
            movie: { uuid: movies[1].uuid, name: 'Heat', year: 2001, price: '12.50' },
          },
        ],
      });
      expect(answer(await get(t, '/purchases/'))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    });
  });
});
