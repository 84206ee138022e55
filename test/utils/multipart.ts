import { randomBytes } from 'node:crypto';

export interface FilePart {
  filename: string;
  data: Buffer;
  contentType?: string;
}

export type FormEntry = readonly [name: string, value: string | FilePart];

/** A `multipart/form-data` body with its boundary, parts in the given order. */
export interface MultipartBody {
  payload: Buffer;
  contentType: string;
}

/** Builds a multipart body as a browser would send it (names and file names quoted). */
export function multipartBody(entries: readonly FormEntry[] | Record<string, string | FilePart>): MultipartBody {
  const boundary = `----form${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Array.isArray(entries) ? entries : Object.entries(entries)) {
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\n` +
            `Content-Type: ${value.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        value.data,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
