import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { S3Config } from '../config/app-config';
import { IMMUTABLE_CACHE_CONTROL, ObjectStorage, type StoredObject } from './object-storage';

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Ceph, R2, ...). With `S3_ENDPOINT` set, requests
 * use path-style addressing (`<endpoint>/<bucket>/<key>`), which every S3 clone understands.
 * Clients fetch objects from the bucket directly: under `S3_PUBLIC_URL` when the bucket (or a CDN)
 * is public, otherwise through presigned URLs valid for `S3_URL_TTL`.
 */
export class S3ObjectStorage extends ObjectStorage implements OnModuleDestroy {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    super();
    this.client = new S3Client({
      endpoint: config.endpoint ?? undefined,
      forcePathStyle: config.endpoint !== null,
      region: config.region,
      credentials: { accessKeyId: config.accessKey, secretAccessKey: config.secretKey },
      // Checksums only where S3 demands them: many S3-compatible servers reject the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: data,
        ContentType: contentType,
        CacheControl: IMMUTABLE_CACHE_CONTROL,
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async read(key: string): Promise<StoredObject | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return { body: object.Body as Readable, size: object.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  url(key: string): Promise<string> {
    if (this.config.publicUrl) return Promise.resolve(`${this.config.publicUrl}/${key}`);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.config.bucket, Key: key }), { expiresIn: this.config.urlTtl });
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
