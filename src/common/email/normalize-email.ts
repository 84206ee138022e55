import { domainToASCII, domainToUnicode } from 'node:url';

/**
 * E-mail validation and normalisation as the reference's `EmailStr` does it (pydantic with
 * email-validator 2.2, deliverability not checked): an optional display-name form
 * `Name <addr>` is reduced to the address; the domain is lower-cased and IDNA-normalised; the
 * local part keeps its case and is NFC-normalised. Reasons are email-validator's wording, so the
 * 422 `msg` reads `value is not a valid email address: <reason>` like the reference.
 */
export type EmailCheck = { ok: true; email: string } | { ok: false; reason: string };

// RFC 5322 dot-atom characters, plus any non-ASCII letter (internationalised local parts).
const ATEXT = /^[a-zA-Z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uFFFF]$/u;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// email-validator refuses these special-use names (RFC 6761 and friends) as domains or suffixes.
const SPECIAL_USE_DOMAINS = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];

/** pydantic refuses longer input before parsing it (`MAX_EMAIL_LENGTH`, in characters). */
const MAX_INPUT_LENGTH = 2048;

export function checkEmail(input: string): EmailCheck {
  if (longerThan(input, MAX_INPUT_LENGTH)) {
    return { ok: false, reason: `Length must not exceed ${MAX_INPUT_LENGTH} characters` };
  }
  let value = input.trim();
  const displayName = /^[^<>]*<([^<>]+)>$/.exec(value);
  if (displayName) value = displayName[1].trim();

  const at = value.lastIndexOf('@');
  if (at < 0) return { ok: false, reason: 'An email address must have an @-sign.' };
  const local = value.slice(0, at).normalize('NFC');
  const domainInput = value.slice(at + 1);
  if (local.length === 0) return { ok: false, reason: 'There must be something before the @-sign.' };
  if (domainInput.length === 0) return { ok: false, reason: 'There must be something after the @-sign.' };

  const localReason = checkLocalPart(local);
  if (localReason) return { ok: false, reason: localReason };

  const domain = checkDomain(domainInput);
  if ('reason' in domain) return { ok: false, reason: domain.reason };

  const email = `${local}@${domain.unicode}`;
  if (local.length > 64) {
    return { ok: false, reason: `The email address is too long before the @-sign (${tooMany(local.length - 64)}).` };
  }
  if (Buffer.byteLength(`${local}@${domain.ascii}`) > 254) {
    return { ok: false, reason: `The email address is too long (${tooMany(Buffer.byteLength(`${local}@${domain.ascii}`) - 254)}).` };
  }
  return { ok: true, email };
}

/** Whether `text` has more than `limit` code points (Python's characters); stops counting there. */
function longerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (const _char of text) if (++count > limit) return true;
  return false;
}

function tooMany(count: number): string {
  return `${count} character${count === 1 ? '' : 's'} too many`;
}

function checkLocalPart(local: string): string | null {
  const bad = [...new Set([...local].filter((char) => char !== '.' && !ATEXT.test(char)))];
  if (bad.length > 0) {
    return `The email address contains invalid characters before the @-sign: ${bad.map((c) => (c === ' ' ? 'SPACE' : `'${c}'`)).join(', ')}.`;
  }
  if (local.startsWith('.')) return 'An email address cannot start with a period.';
  if (local.endsWith('.')) return 'An email address cannot have a period immediately before the @-sign.';
  if (local.includes('..')) return 'An email address cannot have two periods in a row.';
  return null;
}

function checkDomain(input: string): { ascii: string; unicode: string } | { reason: string } {
  const lowered = input.normalize('NFC').toLowerCase();
  if (lowered.startsWith('.')) return { reason: 'An email address cannot have a period immediately after the @-sign.' };
  if (lowered.endsWith('.')) return { reason: 'An email address cannot end with a period.' };
  if (lowered.includes('..')) return { reason: 'An email address cannot have two periods in a row.' };
  const bad = [...new Set([...lowered].filter((char) => !/[a-z0-9.-]/.test(char) && char.charCodeAt(0) < 0x80))];
  if (bad.length > 0) {
    return { reason: `The part after the @-sign contains invalid characters: ${bad.map((c) => (c === ' ' ? 'SPACE' : `'${c}'`)).join(', ')}.` };
  }
  const ascii = domainToASCII(lowered);
  if (!ascii) return { reason: 'The part after the @-sign is not valid IDNA.' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { reason: 'The part after the @-sign is not valid. It should have a period.' };
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) {
    return { reason: 'The part after the @-sign is not valid. A label must start and end with a letter or number and be at most 63 characters.' };
  }
  if (/^\d+$/.test(labels[labels.length - 1])) {
    return { reason: 'The part after the @-sign is not valid. It is not within a valid top-level domain.' };
  }
  if (SPECIAL_USE_DOMAINS.some((name) => ascii === name || ascii.endsWith(`.${name}`))) {
    return { reason: 'The part after the @-sign is a special-use or reserved name that cannot be used with email.' };
  }
  return { ascii, unicode: domainToUnicode(ascii) };
}
