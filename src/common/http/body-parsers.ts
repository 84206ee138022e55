import { BadRequestException, type RawBodyRequest } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyBodyParser, FastifyRequest, RawServerDefault } from 'fastify';
import { RequestValidationException } from '../validation/validation-issue';
import { findPythonJsonError } from './python-json-error';
import { installMultipart } from './multipart';
import { RAW_BODY_ONLY } from './raw-body.decorator';

/** The reference's answer to a body that cannot be read at all (reference 1.4). */
export const BODY_PARSE_ERROR = 'There was an error parsing the body';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON request body as FastAPI does: an empty body is no body (`undefined`); malformed
 * JSON is a 422 `json_invalid` at `["body", <character offset>]` with Python's message in
 * `ctx.error`; bytes that are not UTF-8 (or nesting too deep to scan) are a 400.
 */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new BadRequestException(BODY_PARSE_ERROR);
  }
  try {
    return JSON.parse(text);
  } catch {
    let error: ReturnType<typeof findPythonJsonError>;
    try {
      error = findPythonJsonError(text);
    } catch {
      throw new BadRequestException(BODY_PARSE_ERROR);
    }
    const { position, message } = error ?? { position: 0, message: 'Expecting value' };
    throw new RequestValidationException([
      { type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error: message } },
    ]);
  }
}

/**
 * Installs the body parsers (before `app.init()`): JSON for `application/json`,
 * `application/*+json` and requests without a Content-Type, as FastAPI reads them. Any other
 * content type nobody else parses is kept as text, so routes without a body ignore it and body
 * routes answer 422, again like the reference. The raw bytes of a JSON body stay available as
 * `(request as RawBodyRequest<FastifyRequest>).rawBody` (webhook signatures). Multipart bodies are
 * left for the routes that stream them (`installMultipart`).
 */
export function installBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { bodyLimit } = fastify.initialConfig;
  const parseJson: FastifyBodyParser<Buffer> = (request, body, done) => {
    // An unknown path (or method) is a 404 (405) whatever its body, as in the reference.
    if (request.is404) return done(null, undefined);
    (request as RawBodyRequest<FastifyRequest>).rawBody = body;
    if ((request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[RAW_BODY_ONLY]) return done(null, undefined);
    try {
      done(null, parseJsonBody(body));
    } catch (error) {
      done(error as Error);
    }
  };
  app.useBodyParser<RawServerDefault>(['application/json'], { bodyLimit }, parseJson);
  app.useBodyParser<RawServerDefault>(/^application\/[\w.-]+\+json(?:\s*;|$)/, { bodyLimit }, parseJson);
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (request, body: Buffer, done) => {
    if (request.headers['content-type'] === undefined) parseJson(request, body, done);
    else done(null, body.toString('utf8'));
  });
  installMultipart(fastify);
}
