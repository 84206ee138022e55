import type { Readable } from 'node:stream';

/** An object read back from storage, to be streamed to a client. */
export interface StoredObject {
  body: Readable;
  size: number;
}

/**
 * Where uploaded files live, behind one interface: the local disk (default) or an S3-compatible
 * bucket (CONTRACT.md D, `S3_*`). Keys are relative, `/`-separated paths made by the application
 * (`avatars/user_5_<hex>.png`), never by clients.
 */
export abstract class ObjectStorage {
  /** Stores `data` under `key`, whole or not at all (a reader never sees a partial object). */
  abstract put(key: string, data: Buffer, contentType: string): Promise<void>;

  /** Removes the object; removing one that does not exist is not an error. */
  abstract delete(key: string): Promise<void>;

  /** The object's bytes, or `null` when there is no such object. */
  abstract read(key: string): Promise<StoredObject | null>;

  /** A URL a client can fetch the object from (absolute, or a path of this API). */
  abstract url(key: string): Promise<string>;
}

/** `Cache-Control` of stored objects: keys are never reused, so an object never changes. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
