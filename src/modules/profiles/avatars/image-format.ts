/**
 * The format of an image, named as Pillow names it (the reference decides with Pillow), from the
 * file's first bytes: the name and the client's `Content-Type` are never trusted.
 */
export type ImageFormatName = 'JPEG' | 'PNG' | 'WEBP' | 'GIF' | 'BMP' | 'TIFF' | 'ICO' | 'ICNS' | 'PSD' | 'JPEG2000' | 'QOI' | 'DDS';

const ascii = (data: Buffer, start: number, end: number): string => data.toString('latin1', start, end);

/** Header sizes of the BMP variants Pillow reads (its `BmpImagePlugin` checks the same field). */
const BMP_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

const SIGNATURES: ReadonlyArray<readonly [ImageFormatName, (data: Buffer) => boolean]> = [
  ['JPEG', (data) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff],
  ['PNG', (data) => data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['WEBP', (data) => ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP'],
  ['GIF', (data) => ['GIF87a', 'GIF89a'].includes(ascii(data, 0, 6))],
  ['BMP', (data) => ascii(data, 0, 2) === 'BM' && data.length >= 18 && BMP_HEADER_SIZES.has(data.readUInt32LE(14))],
  ['TIFF', (data) => ['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(ascii(data, 0, 4))],
  ['ICO', (data) => ascii(data, 0, 4) === '\0\0\x01\0'],
  ['ICNS', (data) => ascii(data, 0, 4) === 'icns'],
  ['PSD', (data) => ascii(data, 0, 4) === '8BPS'],
  ['JPEG2000', (data) => ascii(data, 0, 12) === '\0\0\0\x0cjP  \r\n\x87\n' || ascii(data, 0, 4) === '\xff\x4f\xff\x51'],
  ['QOI', (data) => ascii(data, 0, 4) === 'qoif'],
  ['DDS', (data) => ascii(data, 0, 4) === 'DDS '],
];

/** The image format the bytes start with, or `null` when they are no image Pillow would open. */
export function detectImageFormat(data: Buffer): ImageFormatName | null {
  return SIGNATURES.find(([, matches]) => matches(data))?.[0] ?? null;
}
