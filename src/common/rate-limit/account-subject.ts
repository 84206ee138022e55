import { createHash } from 'node:crypto';
import { checkEmail } from '../email/normalize-email';

/**
 * The key of an account in the per-account limits, from an e-mail as the client typed it. The
 * address is first normalised as the validator does it (display name dropped, domain IDNA
 * normalised, local part NFC), then lower-cased as the account lookup matches it, so that no
 * other spelling of one account's address opens a fresh window. Hashed: Redis never holds
 * addresses. `null` for a value that is not a valid address, which matches no account.
 */
export function accountSubject(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const checked = checkEmail(email);
  if (!checked.ok) return null;
  return createHash('sha256').update(checked.email.toLowerCase()).digest('hex').slice(0, 32);
}
