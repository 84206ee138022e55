import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An id a caller or proxy may choose: short, and nothing that could forge a log line. */
const ACCEPTABLE_ID = /^[\w.:@/+=-]{1,128}$/;

/**
 * The id of an incoming request: the caller's `X-Request-Id` when it looks like one (so a
 * request can be followed across a proxy and this service), a new UUID otherwise.
 */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}
