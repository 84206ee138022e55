import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { BODY_PARSE_ERROR } from '../../src/common/http/body-parsers';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { PROFILES_MESSAGES } from '../../src/modules/profiles/profiles.messages';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, insertUser } from '../utils/auth';
import { outcome, profileRequest } from '../utils/profiles';

const DAY_MS = 86_400_000;

/** The UTC date `days` days before today, as `YYYY-MM-DD`. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
}

const detail = (status: number, message: string) => ({ status, body: { detail: message } });

/**
 * The profile routes' contract (reference 4 and 2.4, CONTRACT.md A and B12/B13/B31): shapes, the
 * owner-or-admin rule, the order of checks, every message, and the three body encodings.
 */
describe('profiles', () => {
  let t: TestApp;
  let storageDir: string;
  let users: Record<'owner' | 'other' | 'moderator' | 'admin', { id: number; token: string }>;

  async function newUser(group: UserGroupName = UserGroupName.User): Promise<{ id: number; token: string }> {
    const user = await insertUser(t, { group });
    return { id: user.id, token: accessTokenFor(t, user.id) };
  }

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'profiles-'));
    t = await createTestApp({ env: { STORAGE_DIR: storageDir } });
    users = {
      owner: await newUser(),
      other: await newUser(),
      moderator: await newUser(UserGroupName.Moderator),
      admin: await newUser(UserGroupName.Admin),
    };
  });
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  describe('create', () => {
    it('creates an empty profile from a request without a body, in the reference shape', async () => {
      const user = await newUser();
      const res = await profileRequest(t, 'POST', user.id, user.token);
      expect(res.statusCode).toBe(201);
      const body = res.json<Record<string, unknown>>();
      expect(Object.keys(body)).toEqual(['id', 'user_id', 'first_name', 'last_name', 'gender', 'date_of_birth', 'info', 'avatar']);
      expect(body).toEqual({
        id: expect.any(Number),
        user_id: user.id,
        first_name: '',
        last_name: '',
        gender: null,
        date_of_birth: null,
        info: '',
        avatar: '',
      });
    });

    it('stores multipart fields, lower-cases the names on output and takes gender in any case', async () => {
      const user = await newUser();
      const res = await profileRequest(t, 'POST', user.id, user.token, {
        multipart: { first_name: 'James', last_name: 'BOND', gender: 'MaN', date_of_birth: '1990-01-01', info: 'Likes martinis' },
      });
      expect(outcome(res)).toEqual({
        status: 201,
        body: {
          id: expect.any(Number),
          user_id: user.id,
          first_name: 'james',
          last_name: 'bond',
          gender: 'man',
          date_of_birth: '1990-01-01',
          info: 'Likes martinis',
          avatar: '',
        },
      });
      expect(outcome(await profileRequest(t, 'GET', user.id, user.token))).toEqual({ status: 200, body: res.json() });
    });

    it('reads urlencoded forms (the last of a repeated field wins) and JSON objects', async () => {
      const formUser = await newUser();
      const form = await profileRequest(t, 'POST', formUser.id, formUser.token, {
        urlencoded: 'first_name=Ann&first_name=Mary&gender=WOMAN&info=Hello+there',
      });
      expect(form.json()).toMatchObject({ first_name: 'mary', gender: 'woman', info: 'Hello there' });

      const jsonUser = await newUser();
      const json = await profileRequest(t, 'POST', jsonUser.id, jsonUser.token, { json: { last_name: 'Smith', date_of_birth: '1980-02-29' } });
      expect(outcome(json)).toMatchObject({ status: 201, body: { last_name: 'smith', date_of_birth: '1980-02-29' } });
    });

    it('reads an empty form value as absent, and a body of any other type as an empty form', async () => {
      const user = await newUser();
      const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: { first_name: '', gender: '', info: '', date_of_birth: '' } });
      expect(res.json()).toMatchObject({ first_name: '', gender: null, info: '', date_of_birth: null });

      const textUser = await newUser();
      const text = await profileRequest(t, 'POST', textUser.id, textUser.token, { raw: 'first_name=Ignored', contentType: 'text/plain' });
      expect(outcome(text)).toMatchObject({ status: 201, body: { first_name: '' } });
    });

    it('answers 409 when the profile exists and 404 (to an admin) when the user does not', async () => {
      const user = await newUser();
      await profileRequest(t, 'POST', user.id, user.token);
      expect(outcome(await profileRequest(t, 'POST', user.id, user.token))).toEqual(detail(409, PROFILES_MESSAGES.profileExists));
      expect(outcome(await profileRequest(t, 'POST', 999_999, users.admin.token))).toEqual(detail(404, PROFILES_MESSAGES.userNotFound));
    });

    it('accepts the youngest and oldest birth dates the reference accepts', async () => {
      // Its age rule is whole days since the birth date, divided by 365.
      for (const date_of_birth of [daysAgo(18 * 365), '1900-01-01']) {
        const user = await newUser();
        const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: { date_of_birth } });
        expect(outcome(res)).toMatchObject({ status: 201, body: { date_of_birth } });
      }
    });
  });

  describe('field rules (string-shaped 422s)', () => {
    const create = (fields: Record<string, string>) => profileRequest(t, 'POST', users.owner.id, users.owner.token, { multipart: fields });

    it.each([
      [{ first_name: 'J4mes' }, PROFILES_MESSAGES.nonEnglishName('J4mes')],
      [{ first_name: 'Mary Ann' }, PROFILES_MESSAGES.nonEnglishName('Mary Ann')],
      [{ last_name: "O'Neil" }, PROFILES_MESSAGES.nonEnglishName("O'Neil")],
      [{ last_name: 'Müller' }, PROFILES_MESSAGES.nonEnglishName('Müller')],
      [{ gender: 'robot' }, PROFILES_MESSAGES.gender],
      [{ date_of_birth: '1899-12-31' }, PROFILES_MESSAGES.birthYear],
      [{ date_of_birth: daysAgo(18 * 365 - 1) }, PROFILES_MESSAGES.underage],
      [{ date_of_birth: daysAgo(-30) }, PROFILES_MESSAGES.underage],
      [{ info: ' \t\n ' }, PROFILES_MESSAGES.blankInfo.create],
    ])('refuses %j on create', async (fields, message) => {
      expect(outcome(await create(fields))).toEqual(detail(422, message));
    });

    it('checks the fields in the reference order: date of birth before gender on create', async () => {
      expect(outcome(await create({ gender: 'x', last_name: '1', first_name: '2' }))).toEqual(detail(422, PROFILES_MESSAGES.nonEnglishName('2')));
      expect(outcome(await create({ gender: 'x', last_name: '1' }))).toEqual(detail(422, PROFILES_MESSAGES.nonEnglishName('1')));
      expect(outcome(await create({ info: ' ', gender: 'x', date_of_birth: '1800-01-01' }))).toEqual(detail(422, PROFILES_MESSAGES.birthYear));
      expect(outcome(await create({ info: ' ', gender: 'x' }))).toEqual(detail(422, PROFILES_MESSAGES.gender));
    });

    it('uses the update wording for blank info, and checks gender before date of birth on update', async () => {
      const user = await newUser();
      await profileRequest(t, 'POST', user.id, user.token);
      const update = (fields: Record<string, string>) => profileRequest(t, 'PATCH', user.id, user.token, { multipart: fields });
      expect(outcome(await update({ info: '   ' }))).toEqual(detail(422, PROFILES_MESSAGES.blankInfo.update));
      expect(outcome(await update({ date_of_birth: '1800-01-01', gender: 'x' }))).toEqual(detail(422, PROFILES_MESSAGES.gender));
      expect(outcome(await update({ date_of_birth: '1800-01-01', first_name: 'A1' }))).toEqual(detail(422, PROFILES_MESSAGES.nonEnglishName('A1')));
      // Nothing of a refused update is kept.
      expect(outcome(await update({ first_name: 'Kept', gender: 'x' }))).toEqual(detail(422, PROFILES_MESSAGES.gender));
      expect((await profileRequest(t, 'GET', user.id, user.token)).json()).toMatchObject({ first_name: '', gender: null });
    });
  });

  describe('request validation (list-shaped 422s)', () => {
    it('refuses a non-integer user id, an unparsable date and an over-long name in one list', async () => {
      const res = await profileRequest(t, 'POST', 'abc', users.owner.token, {
        multipart: { date_of_birth: '01/02/1990', first_name: 'A'.repeat(101) },
      });
      expect(outcome(res)).toEqual({
        status: 422,
        body: {
          detail: [
            { type: 'int_parsing', loc: ['path', 'user_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' },
            {
              type: 'string_too_long',
              loc: ['body', 'first_name'],
              msg: 'String should have at most 100 characters',
              input: 'A'.repeat(101),
              ctx: { max_length: 100 },
            },
            {
              type: 'date_from_datetime_parsing',
              loc: ['body', 'date_of_birth'],
              msg: 'Input should be a valid date or datetime, invalid character in year',
              input: '01/02/1990',
              ctx: { error: 'invalid character in year' },
            },
          ],
        },
      });
    });

    it('answers these 422s before the ownership check, and the ownership check before the field rules', async () => {
      const badDate = await profileRequest(t, 'PATCH', users.other.id, users.owner.token, { urlencoded: 'date_of_birth=yesterday' });
      expect(badDate.statusCode).toBe(422);
      expect(badDate.json<{ detail: Array<{ loc: string[] }> }>().detail.map((issue) => issue.loc)).toEqual([['body', 'date_of_birth']]);
      const badName = await profileRequest(t, 'PATCH', users.other.id, users.owner.token, { urlencoded: 'first_name=B4d' });
      expect(outcome(badName)).toEqual(detail(403, PROFILES_MESSAGES.forbidden.update));
      const badId = await profileRequest(t, 'GET', '1.5', users.owner.token);
      expect(badId.statusCode).toBe(422);
    });

    it('refuses a form value where the avatar file belongs, and a JSON body that is no object', async () => {
      const res = await profileRequest(t, 'PATCH', users.owner.id, users.owner.token, { urlencoded: 'avatar=photo.png' });
      expect(outcome(res)).toEqual({
        status: 422,
        body: {
          detail: [
            {
              type: 'value_error',
              loc: ['body', 'avatar'],
              msg: "Value error, Expected UploadFile, received: <class 'str'>",
              input: 'photo.png',
              ctx: { error: {} },
            },
          ],
        },
      });
      const list = await profileRequest(t, 'PATCH', users.owner.id, users.owner.token, { json: ['first_name'] });
      expect(outcome(list)).toMatchObject({ status: 422, body: { detail: [{ type: 'model_attributes_type', loc: ['body'] }] } });
      const number = await profileRequest(t, 'PATCH', users.owner.id, users.owner.token, { json: { first_name: 7 } });
      expect(outcome(number)).toMatchObject({ status: 422, body: { detail: [{ type: 'string_type', loc: ['body', 'first_name'] }] } });
    });

    it('answers 400 to a multipart body it cannot parse or that breaks the form limits', async () => {
      const user = await newUser();
      const noBoundary = await profileRequest(t, 'POST', user.id, user.token, { raw: 'first_name=x', contentType: 'multipart/form-data' });
      expect(outcome(noBoundary)).toEqual(detail(400, BODY_PARSE_ERROR));
      const truncated = await profileRequest(t, 'POST', user.id, user.token, {
        raw: '--b\r\nContent-Disposition: form-data; name="first_name"\r\n\r\nJa',
        contentType: 'multipart/form-data; boundary=b',
      });
      expect(outcome(truncated)).toEqual(detail(400, BODY_PARSE_ERROR));
      const hugeField = await profileRequest(t, 'POST', user.id, user.token, { multipart: { info: 'x'.repeat(1024 * 1024 + 1) } });
      expect(outcome(hugeField)).toEqual(detail(400, PROFILES_MESSAGES.partTooLarge(1024)));
      const manyFields = await profileRequest(t, 'POST', user.id, user.token, {
        multipart: Array.from({ length: 21 }, (_, i) => [`field${i}`, 'x'] as const),
      });
      expect(outcome(manyFields)).toEqual(detail(400, PROFILES_MESSAGES.tooManyFields(20)));
      // Nothing was created by any of them.
      expect(outcome(await profileRequest(t, 'GET', user.id, user.token))).toEqual(detail(404, PROFILES_MESSAGES.profileNotFound));
    });
  });

  describe('access', () => {
    it.each(['POST', 'PATCH', 'GET'] as const)('%s needs an access token, checked before anything else', async (method) => {
      const res = await profileRequest(t, method, 'not-an-id', null, method === 'GET' ? undefined : { urlencoded: 'date_of_birth=bad' });
      expect(outcome(res)).toEqual(detail(401, AUTH_MESSAGES.headerMissing));
    });

    it('refuses inactive users', async () => {
      const inactive = await insertUser(t, { isActive: false });
      const res = await profileRequest(t, 'GET', inactive.id, accessTokenFor(t, inactive.id));
      expect(outcome(res)).toEqual(detail(403, AUTH_MESSAGES.userInactive));
    });

    it("keeps other users, moderators included, away from a user's profile", async () => {
      const target = await newUser();
      for (const caller of [users.other, users.moderator]) {
        expect(outcome(await profileRequest(t, 'POST', target.id, caller.token))).toEqual(detail(403, PROFILES_MESSAGES.forbidden.create));
        expect(outcome(await profileRequest(t, 'PATCH', target.id, caller.token))).toEqual(detail(403, PROFILES_MESSAGES.forbidden.update));
        expect(outcome(await profileRequest(t, 'GET', target.id, caller.token))).toEqual(detail(403, PROFILES_MESSAGES.forbidden.view));
      }
    });

    it("lets an admin create, update and view anyone's profile", async () => {
      const target = await newUser();
      const admin = users.admin.token;
      expect((await profileRequest(t, 'POST', target.id, admin, { multipart: { first_name: 'Name' } })).statusCode).toBe(201);
      const updated = await profileRequest(t, 'PATCH', target.id, admin, { multipart: { first_name: 'Updated', last_name: 'NAME' } });
      expect(outcome(updated)).toMatchObject({ status: 200, body: { first_name: 'updated', last_name: 'name' } });
      expect(outcome(await profileRequest(t, 'GET', target.id, admin))).toEqual({ status: 200, body: updated.json() });
    });
  });

  describe('update and view', () => {
    it('answers 404 for a missing profile, before checking the fields', async () => {
      const user = await newUser();
      const patch = await profileRequest(t, 'PATCH', user.id, user.token, { multipart: { first_name: 'N0t', gender: 'robot' } });
      expect(outcome(patch)).toEqual(detail(404, PROFILES_MESSAGES.profileNotFound));
      expect(outcome(await profileRequest(t, 'GET', user.id, user.token))).toEqual(detail(404, PROFILES_MESSAGES.profileNotFound));
    });

    it('changes only the fields given, in any encoding', async () => {
      const user = await newUser();
      await profileRequest(t, 'POST', user.id, user.token, {
        multipart: { first_name: 'Jane', last_name: 'Doe', gender: 'woman', date_of_birth: '1985-05-05', info: 'Hi' },
      });
      const partial = await profileRequest(t, 'PATCH', user.id, user.token, { multipart: { last_name: 'Roe', first_name: '' } });
      expect(outcome(partial)).toMatchObject({
        status: 200,
        body: { first_name: 'jane', last_name: 'roe', gender: 'woman', date_of_birth: '1985-05-05', info: 'Hi' },
      });
      const form = await profileRequest(t, 'PATCH', user.id, user.token, { urlencoded: 'gender=MAN&info=' });
      expect(form.json()).toMatchObject({ gender: 'man', info: 'Hi' });
      const json = await profileRequest(t, 'PATCH', user.id, user.token, { json: { date_of_birth: '1970-01-01', info: 'Updated', gender: null } });
      expect(outcome(json)).toMatchObject({ status: 200, body: { gender: 'man', date_of_birth: '1970-01-01', info: 'Updated' } });
    });
  });
});
