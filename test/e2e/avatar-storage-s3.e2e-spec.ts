import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { PROFILES_MESSAGES } from '../../src/modules/profiles/profiles.messages';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, insertUser } from '../utils/auth';
import { jpegWithExif, pngImage } from '../utils/images';
import { outcome, profileRequest } from '../utils/profiles';

const BUCKET = 'cinema-avatars';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * Avatars in an S3-compatible bucket (CONTRACT.md D, `S3_*`), against a real S3 server speaking
 * HTTP on a loopback port (s3rver), not a mock of the SDK: objects are written, replaced and
 * removed in the bucket, and clients get URLs that the server itself answers.
 */
describe('avatar storage in an S3-compatible bucket', () => {
  let s3: S3rver;
  let s3Dir: string;
  let storageDir: string;
  let endpoint: string;
  let bucket: S3Client;
  let t: TestApp;

  const s3Env = (extra: Record<string, string> = {}) => ({
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY: CREDENTIALS.accessKeyId,
    S3_SECRET_KEY: CREDENTIALS.secretAccessKey,
    S3_REGION: 'us-east-1',
    STORAGE_DIR: storageDir,
    ...extra,
  });

  async function objectKeys(): Promise<string[]> {
    const listing = await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listing.Contents ?? []).map((object) => object.Key as string).sort();
  }

  async function newUser(app: TestApp = t): Promise<{ id: number; token: string }> {
    const user = await insertUser(app);
    return { id: user.id, token: accessTokenFor(app, user.id) };
  }

  const keyOf = (url: string): string => new URL(url).pathname.replace(`/${BUCKET}/`, '');

  beforeAll(async () => {
    s3Dir = mkdtempSync(join(tmpdir(), 's3rver-'));
    storageDir = mkdtempSync(join(tmpdir(), 'unused-local-storage-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    bucket = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    t = await createTestApp({ env: s3Env() });
  });
  afterAll(async () => {
    await t.close();
    bucket.destroy();
    await s3.close();
    rmSync(s3Dir, { recursive: true, force: true });
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('stores the re-encoded image in the bucket and answers a presigned URL that serves it', async () => {
    const user = await newUser();
    const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: { avatar: { filename: 'me.jpg', data: await jpegWithExif() } } });
    expect(res.statusCode).toBe(201);
    const url = new URL(res.json<{ avatar: string }>().avatar);
    expect(`${url.origin}${url.pathname}`).toMatch(new RegExp(`^${endpoint}/${BUCKET}/avatars/user_${user.id}_[0-9a-f]{32}\\.jpg$`));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(await objectKeys()).toContain(keyOf(url.href));
    // Nothing went to the local disk.
    expect(readdirSync(storageDir)).toEqual([]);

    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/jpeg');
    expect(fetched.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const data = Buffer.from(await fetched.arrayBuffer());
    const metadata = await sharp(data).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 40, height: 20 });
    expect(metadata.exif).toBeUndefined();

    // The API's own media route reads the same object from the bucket.
    const viaApi = await t.app.inject({ method: 'GET', url: `/media/${keyOf(url.href)}` });
    expect({ status: viaApi.statusCode, type: viaApi.headers['content-type'] }).toEqual({ status: 200, type: 'image/jpeg' });
    expect(viaApi.rawPayload.equals(data)).toBe(true);
  });

  it('deletes the replaced object from the bucket', async () => {
    const user = await newUser();
    const created = await profileRequest(t, 'POST', user.id, user.token, { multipart: { avatar: { filename: 'a.png', data: await pngImage() } } });
    const oldKey = keyOf(created.json<{ avatar: string }>().avatar);
    const updated = await profileRequest(t, 'PATCH', user.id, user.token, { multipart: { avatar: { filename: 'b.png', data: await pngImage(8, 8) } } });
    expect(updated.statusCode).toBe(200);
    const newUrl = updated.json<{ avatar: string }>().avatar;
    const keys = await objectKeys();
    expect(keys).toContain(keyOf(newUrl));
    expect(keys).not.toContain(oldKey);
    expect((await fetch(newUrl)).status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/media/${oldKey}` })).statusCode).toBe(404);
  });

  it('leaves no object in the bucket when the profile cannot be saved', async () => {
    const user = await newUser();
    const before = await objectKeys();
    const database = t.app.get(DataSource);
    await database.query(`
      CREATE OR REPLACE FUNCTION refuse_profile_insert() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'profile inserts are refused'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_profile_insert BEFORE INSERT ON user_profiles FOR EACH ROW EXECUTE FUNCTION refuse_profile_insert();`);
    try {
      const res = await profileRequest(t, 'POST', user.id, user.token, { multipart: { avatar: { filename: 'a.png', data: await pngImage() } } });
      expect(outcome(res)).toEqual({ status: 500, body: { detail: PROFILES_MESSAGES.createFailed } });
    } finally {
      await database.query('DROP TRIGGER refuse_profile_insert ON user_profiles');
    }
    expect(await objectKeys()).toEqual(before);
  });

  it('answers plain URLs under S3_PUBLIC_URL when the bucket is public', async () => {
    const publicApp = await createTestApp({ env: s3Env({ S3_PUBLIC_URL: `${endpoint}/${BUCKET}/` }) });
    try {
      const user = await newUser(publicApp);
      const res = await profileRequest(publicApp, 'POST', user.id, user.token, { multipart: { avatar: { filename: 'a.png', data: await pngImage() } } });
      const { avatar } = res.json<{ avatar: string }>();
      expect(avatar).toMatch(new RegExp(`^${endpoint}/${BUCKET}/avatars/user_${user.id}_[0-9a-f]{32}\\.png$`));
      const fetched = await fetch(avatar);
      expect({ status: fetched.status, type: fetched.headers.get('content-type') }).toEqual({ status: 200, type: 'image/png' });
    } finally {
      await publicApp.close();
    }
  });
});
