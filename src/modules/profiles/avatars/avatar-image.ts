import sharp, { type Sharp } from 'sharp';
import { PROFILES_MESSAGES } from '../profiles.messages';
import { detectImageFormat } from './image-format';

/** Decoding a 1 MiB file may still yield a huge bitmap; this bounds the memory one avatar takes. */
export const AVATAR_MAX_PIXELS = 25_000_000;

/** An avatar ready to store: re-encoded, so it holds pixels only (no EXIF, GPS, comments, ...). */
export interface AvatarImage {
  data: Buffer;
  extension: string;
  contentType: string;
}

export type AvatarImageResult = { image: AvatarImage } | { rejection: string };

interface Encoder {
  extension: string;
  contentType: string;
  encode(image: Sharp): Sharp;
}

/** The accepted formats, each written back in its own format. */
const ENCODERS: Readonly<Partial<Record<string, Encoder>>> = {
  JPEG: { extension: 'jpg', contentType: 'image/jpeg', encode: (image) => image.jpeg({ quality: 85 }) },
  PNG: { extension: 'png', contentType: 'image/png', encode: (image) => image.png() },
  WEBP: { extension: 'webp', contentType: 'image/webp', encode: (image) => image.webp({ quality: 85 }) },
};

/** The content type of a stored avatar, from the extension it was stored with. */
export function avatarContentType(extension: string): string | null {
  return Object.values(ENCODERS).find((encoder) => encoder?.extension === extension)?.contentType ?? null;
}

/**
 * Checks an uploaded image the way the reference does (reference 2.4): the format comes from the
 * content, an unknown one is `Invalid image format`, a known but refused one is `Unsupported
 * image format: <FORMAT>...`. An accepted image is decoded and encoded again in its format,
 * turned upright first (EXIF orientation) since the metadata does not survive; a file that does
 * not decode is `Invalid image format`.
 */
export async function prepareAvatarImage(data: Buffer): Promise<AvatarImageResult> {
  const format = detectImageFormat(data);
  if (format === null) return { rejection: PROFILES_MESSAGES.invalidImage };
  const encoder = ENCODERS[format];
  if (!encoder) return { rejection: PROFILES_MESSAGES.unsupportedImage(format) };
  try {
    const image = sharp(data, { failOn: 'error' });
    const { width, height } = await image.metadata();
    if (width * height > AVATAR_MAX_PIXELS) return { rejection: PROFILES_MESSAGES.imageResolution(AVATAR_MAX_PIXELS) };
    const output = await encoder.encode(image.autoOrient()).toBuffer();
    return { image: { data: output, extension: encoder.extension, contentType: encoder.contentType } };
  } catch {
    return { rejection: PROFILES_MESSAGES.invalidImage };
  }
}
