import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { CART_MESSAGES } from '../../src/modules/cart/cart.messages';
import { type Buyer, fillCart, insertBuyer, insertMovie, type TestMovie } from '../factories/commerce';
import { createTestApp, type TestApp } from '../utils/app';
import { answer, detail, get } from '../utils/accounts';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';

describe('cart (reference 6 and 8.4)', () => {
  let t: TestApp;
  let buyer: Buyer;
  let movies: TestMovie[];

  const add = (user: Buyer, movieUuid: unknown) =>
    t.app.inject({ method: 'POST', url: '/cart/add/', headers: user.headers, payload: { movie_uuid: movieUuid } as object });
  const remove = (user: Buyer, movieUuid: string) => t.app.inject({ method: 'DELETE', url: `/cart/items/${movieUuid}/`, headers: user.headers });
  const clear = (user: Buyer) => t.app.inject({ method: 'DELETE', url: '/cart/items/', headers: user.headers });
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await createTestApp();
    movies = await Promise.all([insertMovie(t, { name: 'Alien' }), insertMovie(t, { name: 'Heat' }), insertMovie(t, { name: 'Solaris' })]);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    buyer = await insertBuyer(t);
  });

  it('adds movies and lists them oldest first, with the reference shape', async () => {
    for (const movie of [movies[1], movies[0]]) expect(answer(await add(buyer, movie.uuid))).toEqual({ status: 200, body: { message: CART_MESSAGES.added } });

    const res = await get(t, '/cart/', buyer.headers);
    const [cartId] = (await db().query('SELECT id FROM carts WHERE user_id = $1', [buyer.id])).map((row: { id: number }) => row.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      cart_items: [
        { movie_uuid: movies[1].uuid, cart_id: cartId, movie_name: 'Heat', added_at: expect.stringMatching(/Z$/) },
        { movie_uuid: movies[0].uuid, cart_id: cartId, movie_name: 'Alien', added_at: expect.stringMatching(/Z$/) },
      ],
    });
  });

  it('accepts the 32-hex and upper-case forms of a UUID', async () => {
    expect((await add(buyer, movies[2].uuid.replace(/-/g, '').toUpperCase())).statusCode).toBe(200);
    expect(answer(await remove(buyer, movies[2].uuid.toUpperCase()))).toEqual({ status: 200, body: { message: CART_MESSAGES.removed } });
  });

  it('answers 409 for a movie already in the cart, also when two adds race', async () => {
    const [first, second] = await Promise.all([add(buyer, movies[0].uuid), add(buyer, movies[0].uuid)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    expect(answer(await add(buyer, movies[0].uuid))).toEqual(detail(409, CART_MESSAGES.alreadyInCart));
  });

  it('answers 404 for an unknown movie and 422 for a malformed UUID', async () => {
    expect(answer(await add(buyer, '3fa85f64-5717-4562-b3fc-2c963f66afa6'))).toEqual(detail(404, CART_MESSAGES.movieNotFound));
    const res = await add(buyer, 'not-a-uuid');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail[0]).toEqual(expect.objectContaining({ type: 'uuid_parsing', loc: ['body', 'movie_uuid'] }));
    expect((await add(buyer, undefined)).json().detail[0]).toEqual(expect.objectContaining({ type: 'missing', loc: ['body', 'movie_uuid'] }));
  });

  it('answers 400 for a movie already bought, or in a pending order', async () => {
    await db().query('INSERT INTO purchases (user_id, movie_id) VALUES ($1, $2)', [buyer.id, movies[0].id]);
    expect(answer(await add(buyer, movies[0].uuid))).toEqual(detail(400, CART_MESSAGES.alreadyPurchased));

    const [{ id: orderId }] = await db().query(`INSERT INTO orders (user_id, status, total_amount) VALUES ($1, 'PENDING', 9.99) RETURNING id`, [buyer.id]);
    await db().query('INSERT INTO order_items (order_id, movie_id, price_at_order) VALUES ($1, $2, 9.99)', [orderId, movies[1].id]);
    expect(answer(await add(buyer, movies[1].uuid))).toEqual(detail(400, CART_MESSAGES.inPendingOrder));
  });

  it('removes one movie (404 when it is not in the cart) and empties the cart', async () => {
    await fillCart(t, buyer.id, movies);
    expect(answer(await remove(buyer, movies[0].uuid))).toEqual({ status: 200, body: { message: CART_MESSAGES.removed } });
    expect(answer(await remove(buyer, movies[0].uuid))).toEqual(detail(404, CART_MESSAGES.notInCart));
    expect(answer(await remove(buyer, '3fa85f64-5717-4562-b3fc-2c963f66afa6'))).toEqual(detail(404, CART_MESSAGES.notInCart));
    expect((await remove(buyer, 'nope')).json().detail[0]).toEqual(expect.objectContaining({ type: 'uuid_parsing', loc: ['path', 'movie_uuid'] }));

    expect(answer(await clear(buyer))).toEqual({ status: 200, body: { message: CART_MESSAGES.cleared } });
    expect(answer(await clear(buyer))).toEqual({ status: 200, body: { message: CART_MESSAGES.cleared } });
    expect((await get(t, '/cart', buyer.headers)).json()).toEqual({ cart_items: [] });
  });

  it('answers 404 "Cart not found." to a user without a cart, except on GET', async () => {
    const user = await insertUser(t);
    const cartless = { ...user, headers: bearer(accessTokenFor(t, user.id)) };
    expect(answer(await get(t, '/cart/', cartless.headers))).toEqual({ status: 200, body: { cart_items: [] } });
    expect(answer(await add(cartless, movies[0].uuid))).toEqual(detail(404, CART_MESSAGES.cartNotFound));
    expect(answer(await remove(cartless, movies[0].uuid))).toEqual(detail(404, CART_MESSAGES.cartNotFound));
    expect(answer(await clear(cartless))).toEqual(detail(404, CART_MESSAGES.cartNotFound));
  });

  it('needs authentication on every cart route, before validation', async () => {
    for (const [method, url] of [
      ['GET', '/cart/'],
      ['POST', '/cart/add/'],
      ['DELETE', '/cart/items/not-a-uuid/'],
      ['DELETE', '/cart/items/'],
    ] as const) {
      expect(answer(await t.app.inject({ method, url }))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    }
  });

  describe('GET /admin/carts/{user_id}/', () => {
    it("shows any user's cart to an admin, 404 for an unknown user, empty for a user without a cart", async () => {
      const admin = await insertUser(t, { group: UserGroupName.Admin });
      const headers = bearer(accessTokenFor(t, admin.id));
      await fillCart(t, buyer.id, [movies[2]]);

      const res = await get(t, `/admin/carts/${buyer.id}/`, headers);
      expect(res.statusCode).toBe(200);
      expect(res.json().cart_items.map((item: { movie_name: string }) => item.movie_name)).toEqual(['Solaris']);
      expect(answer(await get(t, `/admin/carts/${admin.id}`, headers))).toEqual({ status: 200, body: { cart_items: [] } });
      expect(answer(await get(t, '/admin/carts/999999/', headers))).toEqual(detail(404, CART_MESSAGES.userNotFound));
      expect((await get(t, '/admin/carts/abc/', headers)).json().detail[0]).toEqual(expect.objectContaining({ type: 'int_parsing', loc: ['path', 'user_id'] }));
    });

    it('is for admins only', async () => {
      expect(answer(await get(t, `/admin/carts/${buyer.id}/`, buyer.headers))).toEqual(detail(403, 'Access denied. Admin privileges required.'));
    });
  });
});
