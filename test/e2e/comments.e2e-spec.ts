import { NUL_CHARACTER_MESSAGE } from '../../src/common/validation/string-rules';
import { DataSource } from 'typeorm';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { RATE_LIMIT_MESSAGE, RATE_LIMITS } from '../../src/common/rate-limit/rate-limit.rules';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { COMMENTS_MESSAGES } from '../../src/modules/engagement/comments/comments.messages';
import type { CommentResponse } from '../../src/modules/engagement/comments/comments.responses';
import { countRows, insertMovie, type TestMovie } from '../factories/commerce';
import { answer, detail, type Response } from '../utils/accounts';
import { createTestApp, type TestApp } from '../utils/app';
import { send } from '../utils/catalog';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';

type Headers = Record<string, string>;

interface Person {
  id: number;
  headers: Headers;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN_UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

describe('comments (CONTRACT.md C.3)', () => {
  let t: TestApp;
  let movie: TestMovie;
  let other: TestMovie;
  let ann: Person;
  let bob: Person;
  let moderator: Person;
  let admin: Person;

  const db = () => t.app.get(DataSource);

  async function person(group = UserGroupName.User, names?: [string | null, string | null]): Promise<Person> {
    const user = await insertUser(t, { group });
    if (names) await db().query('INSERT INTO user_profiles (user_id, first_name, last_name) VALUES ($1, $2, $3)', [user.id, ...names]);
    return { id: user.id, headers: bearer(accessTokenFor(t, user.id)) };
  }

  async function comment(by: Person, on: TestMovie, text: string, parentId?: number): Promise<CommentResponse> {
    const res = await send(t, 'POST', `/movies/${on.uuid}/comments/`, parentId === undefined ? { text } : { text, parent_id: parentId }, by.headers);
    if (res.statusCode !== 201) throw new Error(`comment failed: ${res.statusCode} ${res.body}`);
    return res.json<CommentResponse>();
  }

  const list = (by: Person, on: TestMovie, query = '') => send(t, 'GET', `/movies/${on.uuid}/comments/${query}`, undefined, by.headers);

  beforeAll(async () => {
    t = await createTestApp();
    movie = await insertMovie(t, { name: 'Heat' });
    other = await insertMovie(t, { name: 'Alien' });
    ann = await person(UserGroupName.User, ['Ann', 'Lee']);
    bob = await person();
    moderator = await person(UserGroupName.Moderator);
    admin = await person(UserGroupName.Admin);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers 401 on every route without a token', async () => {
    const routes: Array<[Parameters<typeof send>[1], string]> = [
      ['GET', `/movies/${movie.uuid}/comments/`],
      ['POST', `/movies/${movie.uuid}/comments/`],
      ['PATCH', '/comments/1/'],
      ['DELETE', '/comments/1/'],
      ['PUT', '/comments/1/like/'],
      ['DELETE', '/comments/1/like'],
    ];
    for (const [method, url] of routes) {
      expect(answer(await send(t, method, url, method === 'GET' ? undefined : { text: 'x' }))).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    }
  });

  describe('POST /movies/{uuid}/comments/', () => {
    it('creates a top-level comment with trimmed text, the author names and zero counts', async () => {
      const res = await send(t, 'POST', `/movies/${movie.uuid}/comments`, { text: '  Great heist film.\n ', extra: 'ignored' }, ann.headers);

      expect(res.statusCode).toBe(201);
      const body = res.json<CommentResponse>();
      expect(body).toEqual({
        id: expect.any(Number),
        movie_uuid: movie.uuid,
        parent_id: null,
        text: 'Great heist film.',
        author: { id: ann.id, first_name: 'Ann', last_name: 'Lee' },
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
        replies: 0,
        likes: 0,
        liked_by_me: false,
      });
      expect(Object.keys(body)).toEqual(['id', 'movie_uuid', 'parent_id', 'text', 'author', 'created_at', 'updated_at', 'replies', 'likes', 'liked_by_me']);
      expect(JSON.stringify(body)).not.toContain('@example.com');
    });

    it('gives null names to an author without a profile, and accepts an explicit null parent', async () => {
      const res = await send(t, 'POST', `/movies/${movie.uuid}/comments/`, { text: 'Top level', parent_id: null }, bob.headers);

      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ parent_id: null, author: { id: bob.id, first_name: null, last_name: null } });
    });

    it('creates replies at any depth, on the same movie only', async () => {
      const root = await comment(ann, movie, 'Root');
      const reply = await comment(bob, movie, 'Reply', root.id);
      const deeper = await comment(ann, movie, 'Deeper', reply.id);

      expect(reply).toMatchObject({ parent_id: root.id, movie_uuid: movie.uuid, text: 'Reply' });
      expect(deeper).toMatchObject({ parent_id: reply.id });
      expect(answer(await send(t, 'POST', `/movies/${other.uuid}/comments/`, { text: 'x', parent_id: root.id }, bob.headers))).toEqual(
        detail(404, COMMENTS_MESSAGES.commentNotFound),
      );
      expect(answer(await send(t, 'POST', `/movies/${movie.uuid}/comments/`, { text: 'x', parent_id: 999_999 }, bob.headers))).toEqual(
        detail(404, COMMENTS_MESSAGES.commentNotFound),
      );
    });

    it('answers 404 for an unknown movie and 422 for a malformed uuid', async () => {
      expect(answer(await send(t, 'POST', `/movies/${UNKNOWN_UUID}/comments/`, { text: 'x' }, ann.headers))).toEqual(detail(404, COMMENTS_MESSAGES.movieNotFound));
      const res = await send(t, 'POST', '/movies/not-a-uuid/comments/', { text: 'x' }, ann.headers);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toEqual([
        {
          type: 'uuid_parsing',
          loc: ['path', 'movie_uuid'],
          msg: 'Input should be a valid UUID, invalid character: found `n` at 1',
          input: 'not-a-uuid',
          ctx: { error: 'invalid character: found `n` at 1' },
        },
      ]);
    });

    it('validates the text: missing, not a string, blank, too long once trimmed; 2000 characters pass', async () => {
      const post = (body: unknown) => send(t, 'POST', `/movies/${movie.uuid}/comments/`, body, ann.headers);
      const blank = '  \n\t ';
      const tooLong = 'é'.repeat(2001);

      expect(answer(await post({}))).toEqual({
        status: 422,
        body: { detail: [{ type: 'missing', loc: ['body', 'text'], msg: 'Field required', input: {} }] },
      });
      expect(answer(await post({ text: 5, parent_id: 'first' }))).toEqual({
        status: 422,
        body: {
          detail: [
            { type: 'string_type', loc: ['body', 'text'], msg: 'Input should be a valid string', input: 5 },
            { type: 'int_parsing', loc: ['body', 'parent_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'first' },
          ],
        },
      });
      expect(answer(await post({ text: blank }))).toEqual({
        status: 422,
        body: { detail: [{ type: 'value_error', loc: ['body', 'text'], msg: `Value error, ${COMMENTS_MESSAGES.textBlank}`, input: blank, ctx: { error: {} } }] },
      });
      expect(answer(await post({ text: tooLong }))).toEqual({
        status: 422,
        body: { detail: [{ type: 'value_error', loc: ['body', 'text'], msg: `Value error, ${COMMENTS_MESSAGES.textTooLong(2000)}`, input: tooLong, ctx: { error: {} } }] },
      });

      expect(answer(await post({ text: 'a\u0000b' }))).toEqual({
        status: 422,
        body: { detail: [{ type: 'value_error', loc: ['body', 'text'], msg: `Value error, ${NUL_CHARACTER_MESSAGE}`, input: 'a\u0000b', ctx: { error: {} } }] },
      });

      const longest = await post({ text: ` ${'é'.repeat(2000)} ` });
      expect(longest.statusCode).toBe(201);
      expect(longest.json().text).toBe('é'.repeat(2000));
    });

    it('answers 422 for malformed JSON', async () => {
      const res = (await t.app.inject({
        method: 'POST',
        url: `/movies/${movie.uuid}/comments/`,
        payload: '{"text": ',
        headers: { 'content-type': 'application/json', ...ann.headers },
      })) as Response;
      expect(res.statusCode).toBe(422);
      expect(res.json().detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 9] });
    });
  });

  describe('GET /movies/{uuid}/comments/', () => {
    let film: TestMovie;
    let first: CommentResponse;
    let second: CommentResponse;
    let third: CommentResponse;

    beforeAll(async () => {
      film = await insertMovie(t);
      first = await comment(ann, film, 'First');
      second = await comment(bob, film, 'Second');
      third = await comment(ann, film, 'Third');
      const reply = await comment(bob, film, 'Reply to first', first.id);
      await comment(ann, film, 'Second reply to first', first.id);
      await comment(ann, film, 'Reply to the reply', reply.id);
      await send(t, 'PUT', `/comments/${second.id}/like/`, undefined, ann.headers);
      await send(t, 'PUT', `/comments/${second.id}/like/`, undefined, bob.headers);
      // A comment on another movie never shows here.
      await comment(ann, other, 'Elsewhere');
    });

    it('lists top-level comments newest first with direct reply counts, likes and liked_by_me', async () => {
      const res = await list(ann, film);

      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ prev_page: null, next_page: null, total_pages: 1, total_items: 3 });
      expect(Object.keys(body)).toEqual(['prev_page', 'next_page', 'total_pages', 'total_items', 'comments']);
      expect(body.comments.map((c: CommentResponse) => [c.text, c.replies, c.likes, c.liked_by_me])).toEqual([
        ['Third', 0, 0, false],
        ['Second', 0, 2, true],
        ['First', 2, 0, false],
      ]);
      expect((await list(moderator, film)).json().comments[1]).toMatchObject({ id: second.id, likes: 2, liked_by_me: false });
    });

    it('breaks created_at ties by id, newest id first', async () => {
      await db().query('UPDATE comments SET created_at = $1 WHERE id = ANY($2)', ['2024-01-01T00:00:00Z', [first.id, second.id, third.id]]);

      const ids = (await list(ann, film)).json().comments.map((c: CommentResponse) => c.id);
      expect(ids).toEqual([third.id, second.id, first.id]);
    });

    it('paginates with links that keep parent_id', async () => {
      const page = (await list(ann, film, '?per_page=2&page=2')).json();
      expect(page).toMatchObject({
        prev_page: `http://localhost:80/movies/${film.uuid}/comments/?page=1&per_page=2`,
        next_page: null,
        total_pages: 2,
        total_items: 3,
      });
      expect(page.comments.map((c: CommentResponse) => c.text)).toEqual(['First']);

      const replies = (await list(ann, film, `?parent_id=${first.id}&per_page=1`)).json();
      expect(replies).toMatchObject({
        prev_page: null,
        next_page: `http://localhost:80/movies/${film.uuid}/comments/?parent_id=${first.id}&page=2&per_page=1`,
        total_pages: 2,
        total_items: 2,
      });
      expect(replies.comments.map((c: CommentResponse) => [c.text, c.parent_id])).toEqual([['Second reply to first', first.id]]);
    });

    it('lists the replies of a comment with their own reply counts', async () => {
      const replies = (await list(bob, film, `?parent_id=${first.id}`)).json().comments;
      expect(replies.map((c: CommentResponse) => [c.text, c.replies])).toEqual([
        ['Second reply to first', 0],
        ['Reply to first', 1],
      ]);
    });

    it('answers 404 for an unknown movie or a parent that is not on this movie, 422 for bad queries', async () => {
      const elsewhere = (await list(ann, other)).json().comments[0] as CommentResponse;
      expect(answer(await list(ann, film, `?parent_id=${elsewhere.id}`))).toEqual(detail(404, COMMENTS_MESSAGES.commentNotFound));
      expect(answer(await list(ann, film, '?parent_id=999999'))).toEqual(detail(404, COMMENTS_MESSAGES.commentNotFound));
      expect(answer(await send(t, 'GET', `/movies/${UNKNOWN_UUID}/comments/`, undefined, ann.headers))).toEqual(detail(404, COMMENTS_MESSAGES.movieNotFound));
      const res = await list(ann, film, '?per_page=21&parent_id=x');
      expect(res.statusCode).toBe(422);
      expect(res.json().detail.map((d: { loc: unknown[]; type: string }) => [d.loc, d.type])).toEqual([
        [['query', 'per_page'], 'less_than_equal'],
        [['query', 'parent_id'], 'int_parsing'],
      ]);
    });
  });

  describe('PATCH /comments/{id}/', () => {
    it("lets the author edit the text (trimmed) and moves updated_at; nobody else, not even an admin", async () => {
      const mine = await comment(ann, movie, 'Typo');
      await db().query(`UPDATE comments SET created_at = created_at - interval '1 hour', updated_at = updated_at - interval '1 hour' WHERE id = $1`, [mine.id]);

      const res = await send(t, 'PATCH', `/comments/${mine.id}/`, { text: ' Fixed ' }, ann.headers);
      expect(res.statusCode).toBe(200);
      const body = res.json<CommentResponse>();
      expect(body).toMatchObject({ id: mine.id, text: 'Fixed', author: { id: ann.id } });
      expect(Date.parse(body.updated_at as unknown as string)).toBeGreaterThan(Date.parse(body.created_at as unknown as string));

      for (const caller of [bob, moderator, admin]) {
        expect(answer(await send(t, 'PATCH', `/comments/${mine.id}`, { text: 'Hijack' }, caller.headers))).toEqual(detail(403, COMMENTS_MESSAGES.editForbidden));
      }
      expect((await list(ann, movie)).json().comments.find((c: CommentResponse) => c.id === mine.id).text).toBe('Fixed');
    });

    it('answers 404 for an unknown comment and 422 for a bad id or blank text', async () => {
      expect(answer(await send(t, 'PATCH', '/comments/999999/', { text: 'x' }, ann.headers))).toEqual(detail(404, COMMENTS_MESSAGES.commentNotFound));
      const res = await send(t, 'PATCH', '/comments/abc/', { text: ' ' }, ann.headers);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail.map((d: { loc: unknown[]; type: string }) => [d.loc, d.type])).toEqual([
        [['path', 'comment_id'], 'int_parsing'],
        [['body', 'text'], 'value_error'],
      ]);
    });
  });

  describe('DELETE /comments/{id}/', () => {
    it('lets the author, a moderator and an admin delete; another user gets 403', async () => {
      const mine = await comment(ann, movie, 'Mine');
      const forModerator = await comment(ann, movie, 'For the moderator');
      const forAdmin = await comment(ann, movie, 'For the admin');

      expect(answer(await send(t, 'DELETE', `/comments/${mine.id}/`, undefined, bob.headers))).toEqual(detail(403, COMMENTS_MESSAGES.deleteForbidden));
      expect(answer(await send(t, 'DELETE', `/comments/${mine.id}/`, undefined, ann.headers))).toEqual(detail(200, COMMENTS_MESSAGES.commentDeleted));
      expect(answer(await send(t, 'DELETE', `/comments/${forModerator.id}`, undefined, moderator.headers))).toEqual(detail(200, COMMENTS_MESSAGES.commentDeleted));
      expect(answer(await send(t, 'DELETE', `/comments/${forAdmin.id}/`, undefined, admin.headers))).toEqual(detail(200, COMMENTS_MESSAGES.commentDeleted));
      expect(answer(await send(t, 'DELETE', `/comments/${mine.id}/`, undefined, ann.headers))).toEqual(detail(404, COMMENTS_MESSAGES.commentNotFound));
      expect(await countRows(t, 'comments', 'id = ANY($1)', [[mine.id, forModerator.id, forAdmin.id]])).toBe(0);
    });

    it('takes the replies at every depth and the likes with it, and leaves the rest', async () => {
      const root = await comment(ann, movie, 'Root to delete');
      const reply = await comment(bob, movie, 'Reply', root.id);
      const deeper = await comment(ann, movie, 'Deeper', reply.id);
      const kept = await comment(bob, movie, 'Kept');
      await send(t, 'PUT', `/comments/${deeper.id}/like/`, undefined, bob.headers);
      await send(t, 'PUT', `/comments/${root.id}/like/`, undefined, bob.headers);

      expect((await send(t, 'DELETE', `/comments/${root.id}/`, undefined, ann.headers)).statusCode).toBe(200);

      expect(await countRows(t, 'comments', 'id = ANY($1)', [[root.id, reply.id, deeper.id]])).toBe(0);
      expect(await countRows(t, 'comment_likes', 'comment_id = ANY($1)', [[root.id, deeper.id]])).toBe(0);
      expect(await countRows(t, 'comments', 'id = $1', [kept.id])).toBe(1);
    });
  });

  describe('PUT/DELETE /comments/{id}/like/', () => {
    it('likes and unlikes idempotently, counting every user once', async () => {
      const target = await comment(ann, movie, 'Like me');
      const like = (by: Person) => send(t, 'PUT', `/comments/${target.id}/like/`, undefined, by.headers);
      const unlike = (by: Person) => send(t, 'DELETE', `/comments/${target.id}/like`, undefined, by.headers);

      expect(answer(await like(bob))).toEqual({ status: 200, body: { likes: 1, liked_by_me: true } });
      expect(answer(await like(bob))).toEqual({ status: 200, body: { likes: 1, liked_by_me: true } });
      expect(answer(await like(ann))).toEqual({ status: 200, body: { likes: 2, liked_by_me: true } });
      expect(answer(await unlike(bob))).toEqual({ status: 200, body: { likes: 1, liked_by_me: false } });
      expect(answer(await unlike(bob))).toEqual({ status: 200, body: { likes: 1, liked_by_me: false } });
      expect((await list(ann, movie)).json().comments.find((c: CommentResponse) => c.id === target.id)).toMatchObject({ likes: 1, liked_by_me: true });
    });

    it('keeps one like under 10 concurrent PUTs of the same user', async () => {
      const target = await comment(ann, movie, 'Double click');

      const answers = await Promise.all(Array.from({ length: 10 }, () => send(t, 'PUT', `/comments/${target.id}/like/`, undefined, bob.headers)));

      expect(answers.map(answer)).toEqual(Array.from({ length: 10 }, () => ({ status: 200, body: { likes: 1, liked_by_me: true } })));
      expect(await countRows(t, 'comment_likes', 'comment_id = $1', [target.id])).toBe(1);
    });

    it('answers 404 for an unknown comment and 422 for a bad id', async () => {
      expect(answer(await send(t, 'PUT', '/comments/999999/like/', undefined, bob.headers))).toEqual(detail(404, COMMENTS_MESSAGES.commentNotFound));
      expect(answer(await send(t, 'DELETE', '/comments/999999/like/', undefined, bob.headers))).toEqual(detail(404, COMMENTS_MESSAGES.commentNotFound));
      const res = await send(t, 'PUT', '/comments/1.5/like/', undefined, bob.headers);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail[0]).toMatchObject({ type: 'int_parsing', loc: ['path', 'comment_id'] });
    });
  });
});

describe('comments with the rate limits on', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_ENABLED: 'true' } });
  });
  afterAll(() => t.close());

  it('limits comments per author (they e-mail other people), with 429 and Retry-After, and not other authors', async () => {
    const movie = await insertMovie(t, { name: 'Chatty' });
    const post = async (userId: number) =>
      t.app.inject({
        method: 'POST',
        url: `/movies/${movie.uuid}/comments/`,
        payload: JSON.stringify({ text: 'again' }),
        headers: { 'content-type': 'application/json', ...bearer(accessTokenFor(t, userId)) },
      }) as Promise<Response>;
    const talker = await insertUser(t);
    const { limit } = RATE_LIMITS.commentsPerUser;
    for (let i = 0; i < limit; i += 1) expect((await post(talker.id)).statusCode).toBe(201);

    const refused = await post(talker.id);
    expect(answer(refused)).toEqual(detail(429, RATE_LIMIT_MESSAGE));
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post((await insertUser(t)).id)).statusCode).toBe(201);
    expect(await countRows(t, 'comments', 'movie_id = $1', [movie.id])).toBe(limit + 1);
  });
});
