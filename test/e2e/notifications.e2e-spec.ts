import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { CATALOG_MESSAGES } from '../../src/modules/catalog/catalog.messages';
import type { CommentResponse } from '../../src/modules/engagement/comments/comments.responses';
import { NOTIFICATIONS_MESSAGES } from '../../src/modules/notifications/notifications.messages';
import type { NotificationResponse } from '../../src/modules/notifications/notifications.responses';
import { countRows, fillCart, insertBuyer, insertMovie, type TestMovie } from '../factories/commerce';
import { answer, detail } from '../utils/accounts';
import { createTestApp, type TestApp } from '../utils/app';
import { send } from '../utils/catalog';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';
import { startSmtpListener, type SmtpListener } from '../utils/smtp-listener';
import { createTestWorker, type TestWorker } from '../utils/worker';

type Headers = Record<string, string>;

interface Person {
  id: number;
  email: string;
  headers: Headers;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('notifications (CONTRACT.md C.4)', () => {
  let t: TestApp;
  let movie: TestMovie;
  let ann: Person;
  let bob: Person;

  const db = () => t.app.get(DataSource);

  async function person(group = UserGroupName.User, names?: [string | null, string | null]): Promise<Person> {
    const user = await insertUser(t, { group });
    if (names) await db().query('INSERT INTO user_profiles (user_id, first_name, last_name) VALUES ($1, $2, $3)', [user.id, ...names]);
    return { id: user.id, email: user.email, headers: bearer(accessTokenFor(t, user.id)) };
  }

  async function comment(by: Person, text: string, parentId?: number, on = movie): Promise<CommentResponse> {
    const res = await send(t, 'POST', `/movies/${on.uuid}/comments/`, parentId === undefined ? { text } : { text, parent_id: parentId }, by.headers);
    if (res.statusCode !== 201) throw new Error(`comment failed: ${res.statusCode} ${res.body}`);
    return res.json<CommentResponse>();
  }

  const like = (by: Person, commentId: number) => send(t, 'PUT', `/comments/${commentId}/like/`, undefined, by.headers);
  const inbox = async (of: Person, query = ''): Promise<NotificationResponse[]> =>
    (await send(t, 'GET', `/notifications/${query}`, undefined, of.headers)).json().notifications;

  /** The comment e-mails queued for `to`, oldest first. */
  async function mailsTo(to: string): Promise<Array<Record<string, unknown>>> {
    const rows: Array<{ payload: Record<string, unknown> }> = await db().query(
      `SELECT payload FROM outbox WHERE type = 'send-mail' AND payload->>'to' = $1 ORDER BY id`,
      [to],
    );
    return rows.map((row) => row.payload);
  }

  beforeAll(async () => {
    t = await createTestApp();
    movie = await insertMovie(t, { name: 'Heat' });
    ann = await person(UserGroupName.User, ['Ann', 'Lee']);
    bob = await person(UserGroupName.User, ['Bob', null]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers 401 on every route without a token', async () => {
    for (const [method, url] of [
      ['GET', '/notifications/'],
      ['POST', '/notifications/1/read/'],
      ['POST', '/notifications/read-all'],
    ] as Array<[Parameters<typeof send>[1], string]>) {
      expect(answer(await send(t, method, url))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    }
  });

  it('documents the comments and notifications routes in OpenAPI, with their tags and Bearer auth', async () => {
    const admin = await person(UserGroupName.Admin);
    const document = (await send(t, 'GET', '/openapi.json', undefined, admin.headers)).json();
    const operations: Array<[string, string, string]> = [
      ['/movies/{movie_uuid}/comments', 'get', 'engagement'],
      ['/movies/{movie_uuid}/comments', 'post', 'engagement'],
      ['/comments/{comment_id}', 'patch', 'engagement'],
      ['/comments/{comment_id}', 'delete', 'engagement'],
      ['/comments/{comment_id}/like', 'put', 'engagement'],
      ['/comments/{comment_id}/like', 'delete', 'engagement'],
      ['/notifications', 'get', 'notifications'],
      ['/notifications/read-all', 'post', 'notifications'],
      ['/notifications/{notification_id}/read', 'post', 'notifications'],
    ];
    for (const [path, method, tag] of operations) {
      expect([path, method, document.paths[path]?.[method]]).toEqual([path, method, expect.objectContaining({ tags: [tag], security: [{ bearer: [] }] })]);
    }
  });

  describe('replies', () => {
    it("notifies the author of the comment replied to, with an e-mail queued in the reply's transaction", async () => {
      const root = await comment(ann, 'Best heist film ever.');

      const reply = await comment(bob, 'Agreed!', root.id);

      const [item, ...rest] = await inbox(ann);
      expect(rest).toEqual([]);
      expect(item).toEqual({
        id: expect.any(Number),
        type: 'comment_reply',
        message: NOTIFICATIONS_MESSAGES.commentReply('Bob', 'Heat'),
        movie_uuid: movie.uuid,
        comment_id: reply.id,
        actor: { id: bob.id, first_name: 'Bob', last_name: null },
        created_at: expect.stringMatching(ISO),
        read: false,
      });
      expect(item.message).toBe('Bob replied to your comment on "Heat".');
      expect(Object.keys(item)).toEqual(['id', 'type', 'message', 'movie_uuid', 'comment_id', 'actor', 'created_at', 'read']);
      expect(await mailsTo(ann.email)).toEqual([
        { template: 'comment-reply', to: ann.email, actorName: 'Bob', movieName: 'Heat', commentText: 'Best heist film ever.', replyText: 'Agreed!' },
      ]);
      expect(await inbox(bob)).toEqual([]);
    });

    it('notifies nobody for a reply to your own comment, or for a top-level comment', async () => {
      const before = await countRows(t, 'notifications');
      const outboxBefore = await countRows(t, 'outbox');
      const root = await comment(bob, 'Thinking aloud');
      await comment(bob, 'Replying to myself', root.id);

      expect(await countRows(t, 'notifications')).toBe(before);
      expect(await countRows(t, 'outbox')).toBe(outboxBefore);
    });

    it('calls an actor without profile names "Someone", never by e-mail', async () => {
      const nameless = await person();
      const root = await comment(ann, 'Anyone?');
      await comment(nameless, 'Me', root.id);

      const [item] = await inbox(ann);
      expect(item).toMatchObject({ message: 'Someone replied to your comment on "Heat".', actor: { id: nameless.id, first_name: null, last_name: null } });
      expect(JSON.stringify(await mailsTo(ann.email))).not.toContain(nameless.email);
    });
  });

  describe('likes', () => {
    it('notifies the first like only: not a repeated PUT, not a like taken back and given again, not your own', async () => {
      const carl = await person(UserGroupName.User, ['Carl', 'Diaz']);
      const target = await comment(carl, 'Like me');

      await like(ann, target.id);
      await like(ann, target.id);
      await send(t, 'DELETE', `/comments/${target.id}/like/`, undefined, ann.headers);
      await like(ann, target.id);
      await like(carl, target.id);

      const items = await inbox(carl);
      expect(items.map((n) => [n.type, n.message, n.comment_id, n.actor?.id])).toEqual([
        ['comment_like', 'Ann Lee liked your comment on "Heat".', target.id, ann.id],
      ]);
      expect(await mailsTo(carl.email)).toEqual([{ template: 'comment-like', to: carl.email, actorName: 'Ann Lee', movieName: 'Heat', commentText: 'Like me' }]);
    });

    it('writes one notification and one e-mail for 10 concurrent likes of the same user', async () => {
      const dana = await person(UserGroupName.User, ['Dana', null]);
      const target = await comment(dana, 'Double click me');

      const answers = await Promise.all(Array.from({ length: 10 }, () => like(bob, target.id)));

      expect(answers.map((res) => res.statusCode)).toEqual(Array.from({ length: 10 }, () => 200));
      expect(await countRows(t, 'notifications', 'user_id = $1 AND comment_id = $2', [dana.id, target.id])).toBe(1);
      expect(await mailsTo(dana.email)).toHaveLength(1);
    });
  });

  describe('GET /notifications/ and marking read', () => {
    let erin: Person;
    let ids: number[];

    beforeAll(async () => {
      erin = await person(UserGroupName.User, ['Erin', null]);
      const target = await comment(erin, 'Popular');
      for (const text of ['one', 'two', 'three']) await comment(bob, text, target.id);
      ids = (await inbox(erin)).map((n) => n.id);
    });

    it("lists only the caller's own, newest first, paginated", async () => {
      expect(ids).toHaveLength(3);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect((await inbox(erin)).map((n) => n.comment_id)).toEqual(
        (await db().query(`SELECT id FROM comments WHERE text = ANY($1) AND user_id = $2 ORDER BY id DESC`, [['one', 'two', 'three'], bob.id])).map(
          (row: { id: number }) => row.id,
        ),
      );

      const page = (await send(t, 'GET', '/notifications/?per_page=2&page=2', undefined, erin.headers)).json();
      expect(page).toEqual({
        prev_page: 'http://localhost:80/notifications/?page=1&per_page=2',
        next_page: null,
        total_pages: 2,
        total_items: 3,
        notifications: [expect.objectContaining({ id: ids[2] })],
      });
    });

    it('breaks created_at ties by id', async () => {
      await db().query(`UPDATE notifications SET created_at = '2024-01-01T00:00:00Z' WHERE id = ANY($1)`, [ids]);
      expect((await inbox(erin)).map((n) => n.id)).toEqual([...ids].sort((a, b) => b - a));
    });

    it('marks one read (idempotently), filters unread, and 404s for unknown or foreign ids', async () => {
      const res = await send(t, 'POST', `/notifications/${ids[1]}/read/`, undefined, erin.headers);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: ids[1], type: 'comment_reply', read: true, actor: { id: bob.id, first_name: 'Bob', last_name: null } });
      const [{ read_at: firstRead }] = await db().query('SELECT read_at FROM notifications WHERE id = $1', [ids[1]]);
      expect((await send(t, 'POST', `/notifications/${ids[1]}/read`, undefined, erin.headers)).json()).toMatchObject({ id: ids[1], read: true });
      const [{ read_at: secondRead }] = await db().query('SELECT read_at FROM notifications WHERE id = $1', [ids[1]]);
      expect(secondRead).toEqual(firstRead);

      const unread = (await send(t, 'GET', '/notifications/?unread=true&per_page=1', undefined, erin.headers)).json();
      expect(unread).toMatchObject({ total_items: 2, next_page: 'http://localhost:80/notifications/?unread=true&page=2&per_page=1' });
      expect(unread.notifications.map((n: NotificationResponse) => n.id)).toEqual([ids[0]]);
      expect((await send(t, 'GET', '/notifications/?unread=false', undefined, erin.headers)).json().total_items).toBe(3);

      expect(answer(await send(t, 'POST', `/notifications/${ids[0]}/read/`, undefined, bob.headers))).toEqual(detail(404, NOTIFICATIONS_MESSAGES.notificationNotFound));
      expect(answer(await send(t, 'POST', '/notifications/999999/read/', undefined, erin.headers))).toEqual(detail(404, NOTIFICATIONS_MESSAGES.notificationNotFound));
      const bad = await send(t, 'POST', '/notifications/first/read/', undefined, erin.headers);
      expect(bad.statusCode).toBe(422);
      expect(bad.json().detail[0]).toMatchObject({ type: 'int_parsing', loc: ['path', 'notification_id'] });
      const badFilter = await send(t, 'GET', '/notifications/?unread=maybe', undefined, erin.headers);
      expect(badFilter.statusCode).toBe(422);
      expect(badFilter.json().detail[0]).toMatchObject({ type: 'bool_parsing', loc: ['query', 'unread'] });
    });

    it("marks all of the caller's unread read and says how many", async () => {
      const bobUnread = await countRows(t, 'notifications', 'user_id = $1 AND read_at IS NULL', [bob.id]);

      expect(answer(await send(t, 'POST', '/notifications/read-all/', undefined, erin.headers))).toEqual({
        status: 200,
        body: { detail: NOTIFICATIONS_MESSAGES.allRead, updated: 2 },
      });
      expect(answer(await send(t, 'POST', '/notifications/read-all', undefined, erin.headers))).toEqual({
        status: 200,
        body: { detail: 'All notifications marked as read.', updated: 0 },
      });
      expect((await inbox(erin)).map((n) => n.read)).toEqual([true, true, true]);
      expect(await countRows(t, 'notifications', 'user_id = $1 AND read_at IS NULL', [bob.id])).toBe(bobUnread);
    });
  });

  describe('cascades', () => {
    it("removes a comment's notifications with it and keeps others' with a null actor when the actor is deleted", async () => {
      const fay = await person(UserGroupName.User, ['Fay', null]);
      const gone = await person(UserGroupName.User, ['Gone', null]);
      const first = await comment(fay, 'First');
      const second = await comment(fay, 'Second');
      await like(bob, first.id);
      await like(gone, second.id);

      expect((await send(t, 'DELETE', `/comments/${first.id}/`, undefined, fay.headers)).statusCode).toBe(200);
      await db().query('DELETE FROM users WHERE id = $1', [gone.id]);

      const items = await inbox(fay);
      expect(items.map((n) => [n.comment_id, n.actor])).toEqual([[second.id, null]]);
    });
  });

  describe('movie_in_carts', () => {
    it('keeps the 400 of a refused delete exactly, with the movie intact', async () => {
      const moderator = await person(UserGroupName.Moderator);
      const inCarts = await insertMovie(t, { name: 'Busy' });
      await fillCart(t, (await insertBuyer(t)).id, [inCarts]);

      expect(answer(await send(t, 'DELETE', `/movies/${inCarts.uuid}/`, undefined, moderator.headers))).toEqual(detail(400, CATALOG_MESSAGES.movieInCarts));
      expect(await countRows(t, 'movies', 'id = $1', [inCarts.id])).toBe(1);
    });

    it('notifies the moderator whose delete was refused, naming the movie and the carts, with no e-mail', async () => {
      const moderator = await person(UserGroupName.Moderator);
      const inCarts = await insertMovie(t, { name: 'Busy Twice' });
      await fillCart(t, (await insertBuyer(t)).id, [inCarts]);
      await fillCart(t, (await insertBuyer(t)).id, [inCarts]);
      const outboxBefore = await countRows(t, 'outbox');

      expect(answer(await send(t, 'DELETE', `/movies/${inCarts.uuid}/`, undefined, moderator.headers))).toEqual(detail(400, CATALOG_MESSAGES.movieInCarts));

      expect(await inbox(moderator)).toEqual([
        {
          id: expect.any(Number),
          type: 'movie_in_carts',
          message: 'Movie "Busy Twice" could not be deleted: it is in 2 users\' carts.',
          movie_uuid: inCarts.uuid,
          comment_id: null,
          actor: null,
          created_at: expect.stringMatching(ISO),
          read: false,
        },
      ]);
      expect(await countRows(t, 'outbox')).toBe(outboxBefore);
      expect(await countRows(t, 'movies', 'id = $1', [inCarts.id])).toBe(1);
      expect(NOTIFICATIONS_MESSAGES.movieInCarts('X', 1)).toBe('Movie "X" could not be deleted: it is in 1 user\'s cart.');
    });

    it('notifies nobody when the delete succeeds or is refused for sales history', async () => {
      const moderator = await person(UserGroupName.Moderator);
      const free = await insertMovie(t);
      const sold = await insertMovie(t);
      await db().query('INSERT INTO purchases (user_id, movie_id) VALUES ($1, $2)', [bob.id, sold.id]);

      expect(answer(await send(t, 'DELETE', `/movies/${free.uuid}/`, undefined, moderator.headers))).toEqual({ status: 200, body: { message: CATALOG_MESSAGES.movieDeleted } });
      expect(answer(await send(t, 'DELETE', `/movies/${sold.uuid}/`, undefined, moderator.headers))).toEqual(detail(400, CATALOG_MESSAGES.moviePurchased));
      expect(await inbox(moderator)).toEqual([]);
    });
  });
});

describe('notification e-mail, end to end', () => {
  let t: TestApp;
  let smtp: SmtpListener;
  let worker: TestWorker;

  beforeAll(async () => {
    t = await createTestApp();
    smtp = await startSmtpListener();
    worker = await createTestWorker({ databaseUrl: t.databaseUrl, env: { ...smtp.env, REDIS_PREFIX: t.config.redisPrefix } });
  });

  afterAll(async () => {
    await worker?.close();
    await smtp?.close();
    await t?.close();
  });

  it('delivers the reply e-mail to the author of the comment through the outbox and the worker', async () => {
    const movie = await insertMovie(t, { name: 'Tom & Jerry' });
    const author = await insertUser(t);
    const replier = await insertUser(t);
    await t.app.get(DataSource).query(`INSERT INTO user_profiles (user_id, first_name, last_name) VALUES ($1, 'Hal', 'Ito')`, [replier.id]);
    const post = (userId: number, body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/movies/${movie.uuid}/comments/`,
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...bearer(accessTokenFor(t, userId)) },
      });
    const root = (await post(author.id, { text: 'Classic <cartoon>' })).json<CommentResponse>();

    expect((await post(replier.id, { text: 'Agreed & then some', parent_id: root.id })).statusCode).toBe(201);

    const mail = await smtp.waitForMail(author.email, 15_000);
    expect(mail.subject).toBe('New Reply to Your Comment');
    expect(mail.envelopeTo).toEqual([author.email]);
    expect(mail.text).toContain('Hal Ito replied to your comment on Tom & Jerry.');
    expect(mail.text).toContain('> Classic <cartoon>');
    expect(mail.text).toContain('> Agreed & then some');
    expect(mail.html).toContain('<strong>Hal Ito</strong> replied to your comment on <strong>Tom &amp; Jerry</strong>.');
    expect(mail.html).toContain('Classic &lt;cartoon&gt;');
    expect(mail.text).not.toContain(replier.email);
  });
});
