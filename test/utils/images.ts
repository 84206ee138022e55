import sharp from 'sharp';

/** Real images made for a test, in the formats the avatar routes must tell apart. */

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } });

export const pngImage = (width = 32, height = 24): Promise<Buffer> => solid(width, height).png().toBuffer();
export const webpImage = (width = 32, height = 24): Promise<Buffer> => solid(width, height).webp().toBuffer();
export const gifImage = (): Promise<Buffer> => solid(16, 16).gif().toBuffer();

/** A JPEG carrying EXIF data (an author, a comment, GPS coordinates) and an orientation tag. */
export function jpegWithExif(width = 40, height = 20, orientation = 1): Promise<Buffer> {
  return solid(width, height)
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Secret Photographer', ImageDescription: 'taken at home' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .withMetadata({ orientation })
    .toBuffer();
}

/** A PNG of random noise: incompressible, so larger than `minBytes`. */
export async function noisyPng(minBytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(minBytes / 2));
  const image = await sharp({ create: { width: side, height: side, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  if (image.length <= minBytes) throw new Error(`noisy PNG of ${image.length} bytes is not over ${minBytes}`);
  return image;
}

/** A 2x2 24-bit BMP, written by hand (sharp reads no BMP, Pillow does). */
export function bmpImage(): Buffer {
  const rowSize = 8; // 2 pixels x 3 bytes, padded to 4
  const pixels = Buffer.alloc(rowSize * 2, 0x7f);
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(2, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]);
}
