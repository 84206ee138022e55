import { Field } from '../../../common/validation/field.decorators';
import { ACCOUNTS_MESSAGES } from '../accounts.messages';

/**
 * Python's `str.isdigit()` also accepts digits that are not decimal (`\p{Nd}`): superscripts,
 * subscripts, circled and dingbat digits (Unicode Numeric_Type=Digit), which JavaScript has no
 * property escape for.
 */
const DIGIT = /[\p{Nd}\u00B2\u00B3\u00B9\u1369-\u1371\u19DA\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247C\u2488-\u2490\u24EA\u24F5-\u24FD\u24FF\u2776-\u277E\u2780-\u2788\u278A-\u2792\u{10A40}-\u{10A43}\u{10E60}-\u{10E68}\u{11052}-\u{1105A}\u{1F100}-\u{1F10A}]/u;
const LOWER = /\p{Lowercase}/u;
const UPPER = /\p{Uppercase}/u;
const SPECIAL = /[@$!%*?&]/;

/**
 * The reference's complexity rule (`src/validation/security_validators.py`, reference 2.2): a
 * lower-case and an upper-case letter and a digit, Unicode-aware as Python's `islower`,
 * `isupper` and `isdigit` are, and one of the seven characters `@$!%*?&`.
 */
export function passwordComplexityError(password: string): string | null {
  const complex = LOWER.test(password) && UPPER.test(password) && DIGIT.test(password) && SPECIAL.test(password);
  return complex ? null : ACCOUNTS_MESSAGES.passwordPolicy;
}

/**
 * A password under the full policy: 8-32 characters (`string_too_short`/`string_too_long`),
 * then complexity (`value_error`). Register, login, reset and change-password all use it
 * (CONTRACT.md B11).
 */
export const PasswordField = (options: { description?: string } = {}): PropertyDecorator =>
  Field.string({ minLength: 8, maxLength: 32, validate: passwordComplexityError, ...options });
