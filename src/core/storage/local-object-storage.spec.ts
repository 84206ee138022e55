import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalObjectStorage } from './local-object-storage';
import type { ObjectStorage } from './object-storage';

describe('LocalObjectStorage', () => {
  let root: string;
  let sut: ObjectStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'storage-'));
    sut = new LocalObjectStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes, reads back and deletes an object under its key', async () => {
    await sut.put('avatars/a.png', Buffer.from('image bytes'), 'image/png');
    expect(readdirSync(join(root, 'avatars'))).toEqual(['a.png']);
    const object = await sut.read('avatars/a.png');
    expect(object?.size).toBe(11);
    expect(await text(object!.body)).toBe('image bytes');
    await sut.delete('avatars/a.png');
    await sut.delete('avatars/a.png');
    expect(await sut.read('avatars/a.png')).toBeNull();
    expect(await sut.read('avatars')).toBeNull();
  });

  it('serves objects under /media/', async () => {
    expect(await sut.url('avatars/a.png')).toBe('/media/avatars/a.png');
  });

  it('refuses keys that leave the storage root', async () => {
    await expect(sut.put('../escape.txt', Buffer.from('x'), 'text/plain')).rejects.toThrow('outside the storage root');
    await expect(sut.read('avatars/../../etc/passwd')).rejects.toThrow('outside the storage root');
    await expect(sut.delete('/etc/passwd')).rejects.toThrow('outside the storage root');
  });
});
