import { checkEmail } from '../email/normalize-email';
import { parseDate } from './date-parser';
import { pydanticError, valueError } from './pydantic-errors';
import { type CustomValidator, fail, finish, type Rule } from './rule';
import { parseUuid } from './uuid-parser';

export interface StringOptions {
  minLength?: number;
  maxLength?: number;
  /** Searched in the value (anchor it with `^...$` to match the whole value). */
  pattern?: RegExp;
  validate?: CustomValidator<string>;
}

/** Python counts characters (code points), not UTF-16 units. */
function characterCount(value: string): number {
  let count = 0;
  for (const _char of value) count += 1;
  return count;
}

/** PostgreSQL text cannot hold U+0000: refused up front, or it would fail the statement (a 500). */
export const NUL_CHARACTER_MESSAGE = 'String must not contain the NUL character (U+0000)';

/**
 * pydantic `str` with `min_length`/`max_length`/`pattern`, checked in that order; a string with a
 * NUL character is refused first (`value_error`), which the reference did not do.
 */
export function stringRule(options: StringOptions = {}): Rule<string> {
  const { minLength, maxLength, pattern, validate } = options;
  return {
    isList: false,
    schema: { type: 'string', minLength, maxLength, pattern: pattern?.source },
    check(input) {
      if (typeof input !== 'string') return fail(pydanticError('string_type', input));
      if (input.includes('\u0000')) return fail(valueError(NUL_CHARACTER_MESSAGE, input));
      const length = minLength === undefined && maxLength === undefined ? 0 : characterCount(input);
      if (minLength !== undefined && length < minLength) return fail(pydanticError('string_too_short', input, { min_length: minLength }));
      if (maxLength !== undefined && length > maxLength) return fail(pydanticError('string_too_long', input, { max_length: maxLength }));
      if (pattern && !pattern.test(input)) return fail(pydanticError('string_pattern_mismatch', input, { pattern: pattern.source }));
      return finish(input, input, validate);
    },
  };
}

/** pydantic refuses longer inputs before looking at them. */
const MAX_EMAIL_INPUT_LENGTH = 2048;

/**
 * pydantic `EmailStr` (reference 2.1): the value is normalised (display-name form reduced to the
 * address, domain lower-cased and IDNA-normalised). Invalid: `value_error` with
 * `msg` "value is not a valid email address: <reason>" and `ctx.reason`.
 */
export function emailRule(options: { validate?: CustomValidator<string> } = {}): Rule<string> {
  const invalid = (input: string, reason: string) => ({
    type: 'value_error' as const,
    msg: `value is not a valid email address: ${reason}`,
    input,
    ctx: { reason },
  });
  return {
    isList: false,
    schema: { type: 'string', format: 'email' },
    check(input) {
      if (typeof input !== 'string') return fail(pydanticError('string_type', input));
      if (input.length > MAX_EMAIL_INPUT_LENGTH) {
        return fail(invalid(input, `Length must not exceed ${MAX_EMAIL_INPUT_LENGTH} characters`));
      }
      const result = checkEmail(input);
      return result.ok ? finish(result.email, input, options.validate) : fail(invalid(input, result.reason));
    },
  };
}

/** pydantic `UUID`: any of the forms `uuid` accepts, returned lower-case and hyphenated. */
export function uuidRule(options: { validate?: CustomValidator<string> } = {}): Rule<string> {
  return {
    isList: false,
    schema: { type: 'string', format: 'uuid' },
    check(input) {
      if (typeof input !== 'string') return fail(pydanticError('uuid_type', input));
      const parsed = parseUuid(input);
      return parsed.ok
        ? finish(parsed.uuid, input, options.validate)
        : fail(pydanticError('uuid_parsing', input, { error: parsed.error }));
    },
  };
}

/**
 * A string enum (pydantic `Enum`): the input must equal one of the values exactly; `msg` lists
 * them as pydantic does ("Input should be 'like' or 'dislike'"). Takes the values or a
 * TypeScript string enum.
 */
export function enumRule<T extends string>(values: readonly T[] | Record<string, T>, options: { validate?: CustomValidator<T> } = {}): Rule<T> {
  const allowed: readonly T[] = Array.isArray(values) ? values : Object.values(values);
  const quoted = allowed.map((value) => `'${value}'`);
  const expected = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
  return {
    isList: false,
    schema: { type: 'string', enum: [...allowed] },
    check(input) {
      if (!allowed.includes(input as T)) return fail(pydanticError('enum', input, { expected }));
      return finish(input as T, input, options.validate);
    },
  };
}

/**
 * pydantic `date` in lax mode: `YYYY-MM-DD`, or a datetime or Unix timestamp that falls exactly
 * on midnight; returned as `YYYY-MM-DD`.
 */
export function dateRule(options: { validate?: CustomValidator<string> } = {}): Rule<string> {
  return {
    isList: false,
    schema: { type: 'string', format: 'date' },
    check(input) {
      if (typeof input !== 'string' && typeof input !== 'number') return fail(pydanticError('date_type', input));
      const parsed = parseDate(input);
      if (parsed.ok) return finish(parsed.date, input, options.validate);
      if (parsed.type === 'date_from_datetime_inexact') return fail(pydanticError(parsed.type, input));
      return fail(pydanticError(parsed.type, input, { error: parsed.error }));
    },
  };
}
