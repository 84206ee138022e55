import { Injectable, Logger, NotFoundException, StreamableFile, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HTTP_MESSAGES } from '../../../common/http/http-exception.filter';
import { ObjectStorage } from '../../../core/storage/object-storage';
import type { AvatarUpload } from '../form/profile-form';
import { PROFILES_MESSAGES } from '../profiles.messages';
import { type AvatarImage, avatarContentType, prepareAvatarImage } from './avatar-image';

/** Avatars live under this prefix of the storage, named `user_<id>_<32 hex>.<ext>` (reference 4.1). */
const AVATAR_PREFIX = 'avatars/';
const AVATAR_FILE_NAME = /^user_\d+_[0-9a-f]{32}\.([a-z]+)$/;

/** Avatar images: checked, re-encoded, stored under fresh names, removed, and served. */
@Injectable()
export class AvatarsService {
  private readonly logger = new Logger(AvatarsService.name);

  constructor(private readonly storage: ObjectStorage) {}

  /**
   * The upload as an image ready to store.
   *
   * @throws UnprocessableEntityException with the reference's messages: too large, not an image,
   * a format other than JPEG, PNG or WebP (reference 2.4).
   */
  async prepare(upload: AvatarUpload): Promise<AvatarImage> {
    if (!('data' in upload)) throw new UnprocessableEntityException(PROFILES_MESSAGES.imageTooLarge);
    const result = await prepareAvatarImage(upload.data);
    if ('rejection' in result) throw new UnprocessableEntityException(result.rejection);
    return result.image;
  }

  /** Stores the image under a name never used before; returns its storage key. */
  async store(userId: number, image: AvatarImage): Promise<string> {
    const key = `${AVATAR_PREFIX}user_${userId}_${randomUUID().replaceAll('-', '')}.${image.extension}`;
    await this.storage.put(key, image.data, image.contentType);
    return key;
  }

  /**
   * Removes a stored avatar that no profile refers to any more. A failure is logged, not thrown:
   * the database change it follows (or undoes) stands either way.
   */
  async discard(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.warn(`Could not delete the unused avatar ${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** What clients receive as `avatar`: a URL to fetch the image from, `""` when there is none. */
  async urlOf(key: string | null): Promise<string> {
    return key ? this.storage.url(key) : '';
  }

  /** `GET /media/avatars/<file>`: the stored image, or 404 for any other name. */
  async open(fileName: string): Promise<StreamableFile> {
    const contentType = avatarContentType(AVATAR_FILE_NAME.exec(fileName)?.[1] ?? '');
    const object = contentType && (await this.storage.read(`${AVATAR_PREFIX}${fileName}`));
    if (!object) throw new NotFoundException(HTTP_MESSAGES.notFound);
    return new StreamableFile(object.body, { type: contentType, length: object.size });
  }
}
