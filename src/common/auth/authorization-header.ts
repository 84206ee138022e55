import { UnauthorizedException } from '@nestjs/common';
import { AUTH_MESSAGES } from './auth.messages';

/** The header split at its first space, as the reference does: `scheme` and the rest. */
export function splitAuthorizationHeader(header: string): { scheme: string; credentials: string } {
  const space = header.indexOf(' ');
  return space < 0
    ? { scheme: header, credentials: '' }
    : { scheme: header.slice(0, space), credentials: header.slice(space + 1) };
}

/**
 * The token of an `Authorization: Bearer <token>` header (reference 1.7): 401
 * `Authorization header is missing` without a header, 401 `Invalid Authorization header format...`
 * when the scheme (compared case-insensitively) is not Bearer or the token is empty.
 */
export function extractBearerToken(header: string | undefined): string {
  if (!header) throw new UnauthorizedException(AUTH_MESSAGES.headerMissing);
  const { scheme, credentials } = splitAuthorizationHeader(header);
  if (scheme.toLowerCase() !== 'bearer' || credentials === '') {
    throw new UnauthorizedException(AUTH_MESSAGES.headerFormat);
  }
  return credentials;
}
