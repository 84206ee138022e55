import { pydanticError } from './pydantic-errors';
import { type Bounds, boundsSchema, checkBounds, type CustomValidator, fail, finish, type Rule, type RuleResult } from './rule';

/** Digits with single underscores between them, as Python and pydantic accept them. */
const DIGITS = String.raw`\d+(?:_\d+)*`;
const INTEGER = new RegExp(String.raw`^[+-]?(${DIGITS})(?:\.0+)?$`);
const NUMBER = new RegExp(String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const NON_FINITE = /^[+-]?(?:inf|infinity|nan)$/i;

/** PostgreSQL `integer`: the range of the id and count columns. */
const INT32 = { min: -2147483648, max: 2147483647 };

export interface IntOptions extends Bounds {
  /**
   * Allow the whole safe-integer range instead of PostgreSQL `integer`'s, for values that are
   * never compared with an `integer` column (page numbers).
   */
  wide?: boolean;
  validate?: CustomValidator<number>;
}

export interface FloatOptions extends Bounds {
  validate?: CustomValidator<number>;
}

export interface DecimalOptions extends Bounds {
  /** pydantic `max_digits`: digits in total. */
  maxDigits?: number;
  /** pydantic `decimal_places`: digits after the point. */
  decimalPlaces?: number;
  validate?: CustomValidator<string>;
}

/**
 * pydantic `int` in lax mode: integers, floats without a fractional part, booleans and strings
 * such as `" 42 "`, `"+7"`, `"1_000"` or `"5.0"`. Values outside PostgreSQL `integer` (or, with
 * `wide`, outside the safe-integer range) are refused with the bound that was crossed, so that
 * no query ever fails on an out-of-range parameter.
 */
export function intRule(options: IntOptions = {}): Rule<number> {
  const range = options.wide ? { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER } : INT32;
  return {
    isList: false,
    schema: { type: 'integer', ...boundsSchema(options) },
    check(input) {
      const parsed = toInt(input);
      if (!parsed.ok) return parsed;
      const issue =
        checkBounds(parsed.value, input, options) ?? checkBounds(parsed.value, input, { ge: range.min, le: range.max });
      return issue ? fail(issue) : finish(parsed.value, input, options.validate);
    },
  };
}

function toInt(input: unknown): RuleResult<number> {
  if (typeof input === 'boolean') return { ok: true, value: Number(input) };
  if (typeof input === 'number') {
    if (Number.isInteger(input)) return { ok: true, value: input };
    return fail(pydanticError(Number.isFinite(input) ? 'int_from_float' : 'finite_number', input));
  }
  if (typeof input === 'string') {
    const match = INTEGER.exec(input.trim());
    if (!match) return fail(pydanticError('int_parsing', input));
    const sign = input.trim().startsWith('-') ? -1 : 1;
    return { ok: true, value: sign * Number(match[1].replaceAll('_', '')) || 0 };
  }
  return fail(pydanticError('int_type', input));
}

/**
 * pydantic `float` in lax mode: numbers, booleans and numeric strings (`"7.5"`, `".5"`,
 * `"1e3"`). Unlike pydantic, `inf` and `nan` are refused (`finite_number`): no column or rule
 * of ours has a use for them, and `nan` would slip through every bound.
 */
export function floatRule(options: FloatOptions = {}): Rule<number> {
  return {
    isList: false,
    schema: { type: 'number', ...boundsSchema(options) },
    check(input) {
      const parsed = toFloat(input);
      if (!parsed.ok) return parsed;
      const issue = checkBounds(parsed.value, input, options);
      return issue ? fail(issue) : finish(parsed.value, input, options.validate);
    },
  };
}

function toFloat(input: unknown): RuleResult<number> {
  if (typeof input === 'boolean') return { ok: true, value: Number(input) };
  let value: number;
  if (typeof input === 'number') value = input;
  else if (typeof input === 'string') {
    const text = input.trim();
    if (NON_FINITE.test(text)) return fail(pydanticError('finite_number', input));
    if (!NUMBER.test(text)) return fail(pydanticError('float_parsing', input));
    value = Number(text.replaceAll('_', ''));
  } else return fail(pydanticError('float_type', input));
  return Number.isFinite(value) ? { ok: true, value } : fail(pydanticError('finite_number', input));
}

/**
 * pydantic `Decimal`: numbers or numeric strings, returned as a plain decimal string without
 * exponent (`9.99` -> `"9.99"`, `"1e2"` -> `"100"`) so that no binary float ever touches money.
 * `maxDigits`/`decimalPlaces` count digits as pydantic does (after dropping leading and
 * trailing zeros); use them to keep values inside the column's `numeric(p, s)`.
 */
export function decimalRule(options: DecimalOptions = {}): Rule<string> {
  return {
    isList: false,
    schema: { type: 'string', format: 'decimal', example: '9.99', ...boundsSchema(options) },
    check(input) {
      let text: string;
      if (typeof input === 'number') text = String(input);
      else if (typeof input === 'string') text = input.trim();
      else return fail(pydanticError('decimal_type', input));
      if (NON_FINITE.test(text) || (typeof input === 'number' && !Number.isFinite(input))) {
        return fail(pydanticError('finite_number', input));
      }
      if (!NUMBER.test(text)) return fail(pydanticError('decimal_parsing', input));
      const decimal = parseDecimal(text.replaceAll('_', ''));
      const issue = checkDigits(decimal, input, options) ?? checkBounds(Number(decimal.plain), input, options);
      return issue ? fail(issue) : finish(decimal.plain, input, options.validate);
    },
  };
}

interface ParsedDecimal {
  /** Without exponent, trailing zeros kept: `"9.90"`, `"-0.005"`, `"100"`. */
  plain: string;
  /** Significant digits and exponent after dropping leading and trailing zeros. */
  digits: number;
  exponent: number;
}

function parseDecimal(text: string): ParsedDecimal {
  const [, sign = '', whole = '', fraction = '', exp = '0'] = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text) ?? [];
  const allDigits = `${whole}${fraction}`;
  let pointAt = whole.length + Number(exp);
  let padded = allDigits;
  if (pointAt < 0) {
    padded = '0'.repeat(-pointAt) + padded;
    pointAt = 0;
  } else if (pointAt > padded.length) padded = padded.padEnd(pointAt, '0');
  const intPart = padded.slice(0, pointAt).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = padded.slice(pointAt);
  const plain = `${sign === '-' ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;

  const significant = allDigits.replace(/^0+/, '');
  const trimmed = significant.replace(/0+$/, '');
  const exponent = trimmed ? Number(exp) - fraction.length + (significant.length - trimmed.length) : 0;
  return { plain, digits: Math.max(trimmed.length, 1), exponent };
}

function checkDigits(decimal: ParsedDecimal, input: unknown, options: DecimalOptions) {
  const { maxDigits, decimalPlaces } = options;
  if (maxDigits === undefined && decimalPlaces === undefined) return null;
  const decimals = decimal.exponent >= 0 ? 0 : -decimal.exponent;
  const digits = decimal.exponent >= 0 ? decimal.digits + decimal.exponent : Math.max(decimal.digits, decimals);
  if (maxDigits !== undefined && digits > maxDigits) return pydanticError('decimal_max_digits', input, { max_digits: maxDigits });
  if (decimalPlaces === undefined) return null;
  if (decimals > decimalPlaces) return pydanticError('decimal_max_places', input, { decimal_places: decimalPlaces });
  if (maxDigits !== undefined && digits - decimals > maxDigits - decimalPlaces) {
    return pydanticError('decimal_whole_digits', input, { whole_digits: maxDigits - decimalPlaces });
  }
  return null;
}

const TRUE_STRINGS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_STRINGS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/** pydantic `bool` in lax mode: booleans, 0/1 and the strings yes/no, on/off, true/false, ... */
export function boolRule(options: { validate?: CustomValidator<boolean> } = {}): Rule<boolean> {
  return {
    isList: false,
    schema: { type: 'boolean' },
    check(input) {
      if (typeof input === 'boolean') return finish(input, input, options.validate);
      if (input === 0 || input === 1) return finish(input === 1, input, options.validate);
      if (typeof input === 'string') {
        const lower = input.toLowerCase();
        if (TRUE_STRINGS.has(lower)) return finish(true, input, options.validate);
        if (FALSE_STRINGS.has(lower)) return finish(false, input, options.validate);
      }
      const parsable = typeof input === 'string' || Number.isInteger(input);
      return fail(pydanticError(parsable ? 'bool_parsing' : 'bool_type', input));
    },
  };
}
