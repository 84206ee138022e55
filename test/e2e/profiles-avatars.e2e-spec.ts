import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { PROFILES_MESSAGES } from '../../src/modules/profiles/profiles.messages';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, bearer, insertUser } from '../utils/auth';
import { bmpImage, gifImage, jpegWithExif, noisyPng, pngImage, webpImage } from '../utils/images';
import type { FormEntry } from '../utils/multipart';
import { outcome, profileRequest } from '../utils/profiles';

const MiB = 1024 * 1024;
const AVATAR_URL = /^\/media\/avatars\/(user_(\d+)_[0-9a-f]{32}\.(png|jpg|webp))$/;
const detail = (status: number, message: string) => ({ status, body: { detail: message } });

/**
 * Avatars on local disk (reference 2.4 and 4, CONTRACT.md B26): real images made here, the type
 * taken from the content, re-encoded without metadata, stored under fresh names, served back, the
 * old file removed on replacement, no file left behind by a failed request, and the upload cut
 * off at 1 MiB.
 */
describe('profile avatars (local storage)', () => {
  let t: TestApp;
  let storageDir: string;
  let png: Buffer;

  async function newUser(): Promise<{ id: number; token: string }> {
    const user = await insertUser(t);
    return { id: user.id, token: accessTokenFor(t, user.id) };
  }

  /** A user with a profile, created with `avatar` when given. */
  async function withProfile(avatar?: Buffer): Promise<{ id: number; token: string; avatar: string }> {
    const user = await newUser();
    const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: avatar ? { avatar: { filename: 'me.png', data: avatar } } : {} });
    expect(res.statusCode).toBe(201);
    return { ...user, avatar: res.json<{ avatar: string }>().avatar };
  }

  const storedFiles = (): string[] => (existsSync(join(storageDir, 'avatars')) ? readdirSync(join(storageDir, 'avatars')).sort() : []);

  async function download(url: string): Promise<{ status: number; headers: Record<string, unknown>; data: Buffer }> {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, headers: res.headers, data: res.rawPayload };
  }

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'avatars-'));
    t = await createTestApp({ env: { STORAGE_DIR: storageDir } });
    png = await pngImage(32, 24);
  });
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  describe('accepted images', () => {
    it('stores a PNG under a generated name and serves it back, publicly and cacheably', async () => {
      const user = await newUser();
      const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: { first_name: 'Ann', avatar: { filename: 'Me.PNG', data: png } } });
      expect(res.statusCode).toBe(201);
      const { avatar } = res.json<{ avatar: string }>();
      const [, fileName, owner, extension] = AVATAR_URL.exec(avatar) ?? [];
      expect({ owner: Number(owner), extension }).toEqual({ owner: user.id, extension: 'png' });
      expect(existsSync(join(storageDir, 'avatars', fileName))).toBe(true);

      const served = await download(avatar);
      expect(served.status).toBe(200);
      expect(served.headers).toMatchObject({
        'content-type': 'image/png',
        'content-length': String(served.data.length),
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      });
      expect(await sharp(served.data).metadata()).toMatchObject({ format: 'png', width: 32, height: 24 });
      expect((await profileRequest(t, 'GET', user.id, user.token)).json()).toMatchObject({ avatar });
    });

    it('decides the type from the content: a WebP named .gif is stored and served as WebP', async () => {
      const user = await newUser();
      const res = await profileRequest(t, 'POST', user.id, user.token, {
        multipart: { avatar: { filename: 'photo.gif', data: await webpImage(20, 10), contentType: 'image/gif' } },
      });
      const { avatar } = res.json<{ avatar: string }>();
      expect(AVATAR_URL.exec(avatar)?.[3]).toBe('webp');
      const served = await download(avatar);
      expect(served.headers['content-type']).toBe('image/webp');
      expect(await sharp(served.data).metadata()).toMatchObject({ format: 'webp', width: 20, height: 10 });
    });

    it('removes EXIF metadata from a JPEG, turning the picture upright first', async () => {
      const original = await jpegWithExif(40, 20, 6);
      // The test image really carries what must disappear.
      expect((await sharp(original).metadata()).exif).toBeDefined();
      expect(original.includes('Secret Photographer')).toBe(true);

      const user = await newUser();
      const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: { avatar: { filename: 'holiday.jpeg', data: original } } });
      const { avatar } = res.json<{ avatar: string }>();
      expect(AVATAR_URL.exec(avatar)?.[3]).toBe('jpg');
      const served = await download(avatar);
      expect(served.headers['content-type']).toBe('image/jpeg');
      const metadata = await sharp(served.data).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(served.data.includes('Secret Photographer')).toBe(false);
      expect(served.data.includes('Exif')).toBe(false);
    });
  });

  describe('refused uploads', () => {
    const upload = async (entries: readonly FormEntry[]) => {
      const user = await newUser();
      return profileRequest(t, 'POST', user.id, user.token, { multipart: entries });
    };
    const avatarOf = (data: Buffer, filename = 'avatar.png'): FormEntry => ['avatar', { filename, data }];

    it('answers each reference message, and stores nothing', async () => {
      const before = storedFiles();
      const unsupported = (format: string) => detail(422, PROFILES_MESSAGES.unsupportedImage(format));
      expect(outcome(await upload([avatarOf(await gifImage(), 'anim.gif')]))).toEqual(unsupported('GIF'));
      expect(outcome(await upload([avatarOf(bmpImage(), 'old.bmp')]))).toEqual(unsupported('BMP'));
      expect(outcome(await upload([avatarOf(Buffer.from('definitely not an image\n'), 'notes.png')]))).toEqual(
        detail(422, PROFILES_MESSAGES.invalidImage),
      );
      // A PNG signature followed by garbage: recognised, but it does not decode.
      const broken = Buffer.concat([png.subarray(0, 16), Buffer.alloc(200, 0x41)]);
      expect(outcome(await upload([avatarOf(broken)]))).toEqual(detail(422, PROFILES_MESSAGES.invalidImage));
      expect(outcome(await upload([avatarOf(await noisyPng(2 * MiB))]))).toEqual(detail(422, PROFILES_MESSAGES.imageTooLarge));
      expect(storedFiles()).toEqual(before);
    });

    it('cuts at exactly 1 MiB', async () => {
      const text = (size: number) => Buffer.alloc(size, 'a');
      expect(outcome(await upload([avatarOf(text(MiB))]))).toEqual(detail(422, PROFILES_MESSAGES.invalidImage));
      expect(outcome(await upload([avatarOf(text(MiB + 1))]))).toEqual(detail(422, PROFILES_MESSAGES.imageTooLarge));
    });

    it('refuses an image whose decoded size would be too large, however small the file', async () => {
      const huge = await sharp({ create: { width: 6000, height: 5000, channels: 3, background: '#fff' } })
        .png()
        .toBuffer();
      expect(huge.length).toBeLessThan(MiB);
      expect(outcome(await upload([avatarOf(huge)]))).toEqual(detail(422, PROFILES_MESSAGES.imageResolution(25_000_000)));
    });

    it('checks the avatar after the ownership and the other fields, and its file name after the 409', async () => {
      const big = await noisyPng(2 * MiB);
      const user = await newUser();
      const other = await newUser();
      const foreign = await profileRequest(t, 'POST', other.id, user.token, { multipart: [avatarOf(big)] });
      expect(outcome(foreign)).toEqual(detail(403, PROFILES_MESSAGES.forbidden.create));
      const named = await profileRequest(t, 'POST', user.id, user.token, { multipart: [['first_name', 'X1'], avatarOf(big)] });
      expect(outcome(named)).toEqual(detail(422, PROFILES_MESSAGES.nonEnglishName('X1')));

      expect(outcome(await upload([avatarOf(png, '')]))).toEqual(detail(400, PROFILES_MESSAGES.noFilename));
      await profileRequest(t, 'POST', user.id, user.token);
      expect(outcome(await profileRequest(t, 'POST', user.id, user.token, { multipart: [avatarOf(png, '')] }))).toEqual(
        detail(409, PROFILES_MESSAGES.profileExists),
      );
    });

    it('keeps the last avatar part, ignores files under other names, and takes two files at most', async () => {
      const last = await upload([avatarOf(Buffer.from('not an image')), avatarOf(png)]);
      expect(outcome(last)).toMatchObject({ status: 201, body: { avatar: expect.stringMatching(AVATAR_URL) } });
      const cv: FormEntry = ['cv', { filename: 'cv.txt', data: Buffer.from('hi') }];
      const ignored = await upload([cv, avatarOf(png)]);
      expect(outcome(ignored)).toMatchObject({ status: 201, body: { avatar: expect.stringMatching(AVATAR_URL) } });
      expect(outcome(await upload([cv, cv, avatarOf(png)]))).toEqual(detail(400, PROFILES_MESSAGES.tooManyFiles(2)));
    });
  });

  describe('replacement', () => {
    it('deletes the old file once the new one is in place, and keeps the avatar when none is sent', async () => {
      const user = await withProfile(png);
      const oldFile = AVATAR_URL.exec(user.avatar)?.[1] as string;
      const res = await profileRequest(t, 'PATCH', user.id, user.token, { multipart: { avatar: { filename: 'new.webp', data: await webpImage() } } });
      expect(res.statusCode).toBe(200);
      const { avatar } = res.json<{ avatar: string }>();
      expect(avatar).not.toBe(user.avatar);
      expect(existsSync(join(storageDir, 'avatars', oldFile))).toBe(false);
      expect((await download(user.avatar)).status).toBe(404);
      expect((await download(avatar)).status).toBe(200);

      const kept = await profileRequest(t, 'PATCH', user.id, user.token, { multipart: { info: 'New info' } });
      expect(kept.json()).toMatchObject({ avatar, info: 'New info' });
    });

    it('leaves one file per profile when avatar changes race', async () => {
      const user = await withProfile(png);
      const changes = await Promise.all(
        [1, 2, 3].map(async (i) =>
          profileRequest(t, 'PATCH', user.id, user.token, { multipart: { avatar: { filename: 'x.png', data: await pngImage(10 + i, 10) } } }),
        ),
      );
      expect(changes.map((res) => res.statusCode)).toEqual([200, 200, 200]);
      const current = (await profileRequest(t, 'GET', user.id, user.token)).json<{ avatar: string }>().avatar;
      expect(storedFiles().filter((file) => file.startsWith(`user_${user.id}_`))).toEqual([AVATAR_URL.exec(current)?.[1]]);
    });

    it('leaves one file when profile creations race', async () => {
      const user = await newUser();
      const creations = await Promise.all(
        [1, 2, 3].map(() => profileRequest(t, 'POST', user.id, user.token, { multipart: { avatar: { filename: 'x.png', data: png } } })),
      );
      expect(creations.map((res) => res.statusCode).sort()).toEqual([201, 409, 409]);
      expect(storedFiles().filter((file) => file.startsWith(`user_${user.id}_`))).toHaveLength(1);
    });
  });

  describe('a failing database write', () => {
    const failOn = (operation: 'INSERT' | 'UPDATE') =>
      t.app.get(DataSource).query(`
        CREATE OR REPLACE FUNCTION refuse_profile_write() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'profile writes are refused'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER refuse_profile_write BEFORE ${operation} ON user_profiles FOR EACH ROW EXECUTE FUNCTION refuse_profile_write();`);
    afterEach(() => t.app.get(DataSource).query('DROP TRIGGER IF EXISTS refuse_profile_write ON user_profiles'));

    it('leaves no file behind when the profile cannot be inserted', async () => {
      const user = await newUser();
      const before = storedFiles();
      await failOn('INSERT');
      const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: { avatar: { filename: 'a.png', data: png } } });
      expect(outcome(res)).toEqual(detail(500, PROFILES_MESSAGES.createFailed));
      expect(storedFiles()).toEqual(before);
    });

    it('keeps the old avatar and removes the new file when the update cannot be saved', async () => {
      const user = await withProfile(png);
      const before = storedFiles();
      await failOn('UPDATE');
      const res = await profileRequest(t, 'PATCH', user.id, user.token, { multipart: { avatar: { filename: 'b.png', data: await pngImage(8, 8) } } });
      expect(outcome(res)).toEqual(detail(500, PROFILES_MESSAGES.updateFailed));
      expect(storedFiles()).toEqual(before);
      expect((await download(user.avatar)).status).toBe(200);
    });
  });

  describe('GET /media/avatars/<file>', () => {
    it('serves nothing but stored avatars, and its 404 is not cacheable', async () => {
      const { avatar } = await withProfile(png);
      const name = AVATAR_URL.exec(avatar)?.[1] as string;
      for (const url of [
        `/media/avatars/${name.replace('.png', '.jpg')}`,
        `/media/avatars/${name.replace('.png', '.txt')}`,
        `/media/avatars/..%2f..%2fpackage.json`,
        `/media/avatars/%2e%2e%2favatars%2f${name}`,
        '/media/avatars/user_1_0123456789abcdef0123456789abcdef.png',
      ]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect({ url, status: res.statusCode, body: res.json(), cache: res.headers['cache-control'] }).toEqual({
          url,
          status: 404,
          body: { detail: 'Not Found' },
          cache: undefined,
        });
      }
    });
  });

  describe('over HTTP', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen(0, '127.0.0.1');
      port = (t.app.getHttpServer().address() as AddressInfo).port;
    });

    it('answers an oversized upload once it passes 1 MiB, without reading the rest, and closes the connection', async () => {
      const user = await newUser();
      const total = 64 * MiB;
      const boundary = 'cut-off-boundary';
      let sent = 0;
      const answer = await new Promise<{ status: number; body: string; connection: unknown; sentBefore: number }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/profiles/users/${user.id}/`,
            headers: { ...bearer(user.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
          },
          (res) => {
            const sentBefore = sent;
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection, sentBefore }));
          },
        );
        // Once the server has answered and hung up, the rest of the upload fails to send: expected.
        req.on('error', (error) => (sent >= total ? reject(error) : undefined));
        req.write(`--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="huge.png"\r\n\r\n`);
        const chunk = Buffer.alloc(64 * 1024, 0x42);
        const pump = (): void => {
          while (sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end(`\r\n--${boundary}--\r\n`);
        };
        pump();
      });
      expect(answer).toMatchObject({ status: 422, body: JSON.stringify({ detail: PROFILES_MESSAGES.imageTooLarge }), connection: 'close' });
      // Only what the socket buffers held had left the client when the answer came.
      expect(answer.sentBefore).toBeLessThan(total / 4);
    });
  });
});
