import { BadRequestException, HttpException } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { BODY_PARSE_ERROR } from '../../../common/http/body-parsers';
import { pydanticError, located } from '../../../common/validation/pydantic-errors';
import { RequestValidationException } from '../../../common/validation/validation-issue';
import { PROFILES_MESSAGES } from '../profiles.messages';

/** The reference's avatar limit: 1 MiB; the upload is cut off one byte past it (reference 2.4). */
const AVATAR_MAX_BYTES = 1024 * 1024;

/** The avatar file of a form: its bytes, or only the fact that it was too large to read. */
export type AvatarUpload = { filename: string; data: Buffer } | { filename: string; tooLarge: true };

/** A profile form as received, before validation. */
export interface RawProfileForm {
  /** Non-file values by name; the last of a repeated name wins, as in Starlette. */
  values: Record<string, unknown>;
  avatar: AvatarUpload | null;
}

/** Starlette's text part limit (1 MiB), and room for the profile's handful of fields. */
const FORM_LIMITS = { fieldSize: 1024 * 1024, fields: 20, fileSize: AVATAR_MAX_BYTES, files: 2 };

/**
 * Reads the body of a profile route: `multipart/form-data` (streamed: the avatar is read up to
 * its cap and the request is left unread past it), `application/x-www-form-urlencoded`, or a JSON
 * object (an extension: CONTRACT.md A). Any other body is an empty form, as Starlette reads it.
 *
 * @throws BadRequestException for a multipart body that cannot be parsed or breaks the limits.
 */
export async function readProfileForm(request: FastifyRequest): Promise<RawProfileForm> {
  if (request.isMultipart()) return readMultipart(request);
  const { body } = request;
  if (body === undefined || body === null || typeof body === 'string') return { values: {}, avatar: null };
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestValidationException([located(pydanticError('model_attributes_type', body), ['body'])]);
  }
  const values = Object.fromEntries(
    // A repeated urlencoded name comes as a list: its last value counts.
    Object.entries(body).map(([name, value]) => [name, isUrlencoded(request) && Array.isArray(value) ? value.at(-1) : value]),
  );
  return { values, avatar: null };
}

function isUrlencoded(request: FastifyRequest): boolean {
  return request.headers['content-type']?.toLowerCase().startsWith('application/x-www-form-urlencoded') ?? false;
}

async function readMultipart(request: FastifyRequest): Promise<RawProfileForm> {
  const form: RawProfileForm = { values: {}, avatar: null };
  try {
    // A part is a file when it has a filename, as in Starlette (busboy also counts octet-streams).
    for await (const part of request.parts({ limits: FORM_LIMITS, isPartAFile: (_name, _type, filename) => filename !== undefined })) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw new BadRequestException(PROFILES_MESSAGES.partTooLarge(FORM_LIMITS.fieldSize / 1024));
        form.values[part.fieldname] = part.value;
        if (part.fieldname === 'avatar') form.avatar = null;
        continue;
      }
      const data = await readUpTo(part.file);
      if (part.fieldname !== 'avatar') {
        // Files under other names are ignored, like any unknown field, but within the same cap.
        if (data === null) throw new BadRequestException(PROFILES_MESSAGES.partTooLarge(FORM_LIMITS.fileSize / 1024));
        continue;
      }
      delete form.values.avatar;
      if (data === null) {
        // Stop reading: the rest of the request is never received (the answer closes the connection).
        form.avatar = { filename: part.filename, tooLarge: true };
        break;
      }
      form.avatar = { filename: part.filename, data };
    }
  } catch (error) {
    throw formError(error);
  }
  return form;
}

/**
 * The file's bytes, or `null` as soon as it proves larger than the cap. Busboy announces that with
 * `limit` (a chunk may never follow); destroying the stream then stops the parser, which leaves
 * the rest of the request unread.
 */
function readUpTo(file: MultipartFile['file']): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.once('limit', () => {
      file.destroy();
      resolve(null);
    });
    file.once('end', () => resolve(file.truncated ? null : Buffer.concat(chunks)));
    file.once('error', reject);
    // Settles nothing when `end` or `limit` came first; otherwise the request was cut short.
    file.once('close', () => reject(new Error('The file part ended before its data')));
  });
}

/** The answer to a multipart body that broke a limit or the syntax, in Starlette's words. */
function formError(error: unknown): HttpException {
  if (error instanceof HttpException) return error;
  switch ((error as { code?: string }).code) {
    case 'FST_FILES_LIMIT':
      return new BadRequestException(PROFILES_MESSAGES.tooManyFiles(FORM_LIMITS.files));
    case 'FST_FIELDS_LIMIT':
      return new BadRequestException(PROFILES_MESSAGES.tooManyFields(FORM_LIMITS.fields));
    default:
      return new BadRequestException(BODY_PARSE_ERROR);
  }
}
