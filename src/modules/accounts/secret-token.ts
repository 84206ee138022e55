import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random secret for an activation or reset link: 32 bytes in base64url, 43 characters,
 * like the reference's `secrets.token_urlsafe(32)`.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of a token: its SHA-256 hex digest (CONTRACT.md B5, B7). */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two digests in constant time. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
