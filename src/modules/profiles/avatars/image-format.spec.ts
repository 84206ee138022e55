import { detectImageFormat } from './image-format';

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe('detectImageFormat', () => {
  it('names formats from their first bytes, as Pillow does', () => {
    expect(detectImageFormat(bytes([0xff, 0xd8, 0xff, 0xe0], 'rest'))).toBe('JPEG');
    expect(detectImageFormat(bytes([0x89], 'PNG\r\n\x1a\n', 'IHDR'))).toBe('PNG');
    expect(detectImageFormat(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('WEBP');
    expect(detectImageFormat(bytes('GIF89a', [0, 0]))).toBe('GIF');
    expect(detectImageFormat(bytes('BM', new Array(12).fill(0), [40, 0, 0, 0]))).toBe('BMP');
    expect(detectImageFormat(bytes('II*\0', [8, 0, 0, 0]))).toBe('TIFF');
    expect(detectImageFormat(bytes([0, 0, 1, 0, 1, 0]))).toBe('ICO');
    expect(detectImageFormat(bytes('8BPS', [0, 1]))).toBe('PSD');
  });

  it('recognises nothing in text, truncated signatures or look-alikes', () => {
    expect(detectImageFormat(Buffer.from('hello, I am a .png'))).toBeNull();
    expect(detectImageFormat(Buffer.alloc(0))).toBeNull();
    expect(detectImageFormat(bytes([0x89], 'PNG'))).toBeNull();
    expect(detectImageFormat(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    // "BM" alone starts many words; Pillow also wants a known header size.
    expect(detectImageFormat(Buffer.from('BMW owners club, annual meeting'))).toBeNull();
  });
});
