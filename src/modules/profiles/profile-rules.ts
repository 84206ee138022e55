import type { ProfileFieldsDto } from './dto/profile-fields.dto';
import { PROFILES_MESSAGES } from './profiles.messages';

export type ProfileWrite = 'create' | 'update';

type CheckedField = 'first_name' | 'last_name' | 'gender' | 'date_of_birth' | 'info';

/** The order in which the reference checks the fields: it differs between create and update (reference 4). */
const CHECK_ORDER: Readonly<Record<ProfileWrite, readonly CheckedField[]>> = {
  create: ['first_name', 'last_name', 'date_of_birth', 'gender', 'info'],
  update: ['first_name', 'last_name', 'gender', 'date_of_birth', 'info'],
};

const ENGLISH_LETTERS = /^[A-Za-z]*$/;
/** What Python's `str.strip()` removes (`str.isspace()`), which differs from JavaScript's `\s`. */
// eslint-disable-next-line no-control-regex -- Python counts the separators \x1c-\x1f as whitespace.
const PYTHON_WHITESPACE_ONLY = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;
const DAY_MS = 86_400_000;

/**
 * The first broken profile rule among the given fields, as the reference's string-shaped 422
 * detail (reference 2.4), or `null`. Gender is accepted in any letter case (CONTRACT.md B12).
 */
export function profileRuleViolation(fields: ProfileFieldsDto, write: ProfileWrite, today: Date = new Date()): string | null {
  for (const name of CHECK_ORDER[write]) {
    const value = fields[name];
    if (value === undefined) continue;
    const violation = checkField(name, value, write, today);
    if (violation) return violation;
  }
  return null;
}

function checkField(name: CheckedField, value: string, write: ProfileWrite, today: Date): string | null {
  switch (name) {
    case 'first_name':
    case 'last_name':
      return ENGLISH_LETTERS.test(value) ? null : PROFILES_MESSAGES.nonEnglishName(value);
    case 'gender':
      return parseGender(value) ? null : PROFILES_MESSAGES.gender;
    case 'date_of_birth':
      return checkBirthDate(value, today);
    case 'info':
      return PYTHON_WHITESPACE_ONLY.test(value) ? PROFILES_MESSAGES.blankInfo[write] : null;
  }
}

/** `man` or `woman` in any letter case, lower-cased; `null` for anything else. */
export function parseGender(value: string): 'man' | 'woman' | null {
  const gender = value.toLowerCase();
  return gender === 'man' || gender === 'woman' ? gender : null;
}

/**
 * The reference's two date rules: the year must be 1900 or later, and the age, counted as whole
 * days since the birth date divided by 365 (its formula, kept: it is what clients see), at least 18.
 */
function checkBirthDate(date: string, today: Date): string | null {
  const [year, month, day] = date.split('-').map(Number);
  if (year < 1900) return PROFILES_MESSAGES.birthYear;
  const days = Math.floor((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - Date.UTC(year, month - 1, day)) / DAY_MS);
  return Math.floor(days / 365) < 18 ? PROFILES_MESSAGES.underage : null;
}
