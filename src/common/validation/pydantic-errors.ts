import type { LocSegment, ValidationIssue } from './validation-issue';

/**
 * pydantic-core's error messages, by error type. `{name}` is replaced by `ctx[name]`;
 * `{name|s}` becomes "s" unless `ctx[name]` is 1 (pydantic's `expected_plural`).
 */
const MESSAGES = {
  missing: 'Field required',
  model_attributes_type: 'Input should be a valid dictionary or object to extract fields from',
  json_invalid: 'JSON decode error',
  string_type: 'Input should be a valid string',
  string_too_short: 'String should have at least {min_length} character{min_length|s}',
  string_too_long: 'String should have at most {max_length} character{max_length|s}',
  string_pattern_mismatch: "String should match pattern '{pattern}'",
  int_type: 'Input should be a valid integer',
  int_parsing: 'Input should be a valid integer, unable to parse string as an integer',
  int_from_float: 'Input should be a valid integer, got a number with a fractional part',
  float_type: 'Input should be a valid number',
  float_parsing: 'Input should be a valid number, unable to parse string as a number',
  finite_number: 'Input should be a finite number',
  greater_than: 'Input should be greater than {gt}',
  greater_than_equal: 'Input should be greater than or equal to {ge}',
  less_than: 'Input should be less than {lt}',
  less_than_equal: 'Input should be less than or equal to {le}',
  bool_type: 'Input should be a valid boolean',
  bool_parsing: 'Input should be a valid boolean, unable to interpret input',
  uuid_type: 'UUID input should be a string, bytes or UUID object',
  uuid_parsing: 'Input should be a valid UUID, {error}',
  decimal_type: 'Decimal input should be an integer, float, string or Decimal object',
  decimal_parsing: 'Input should be a valid decimal',
  decimal_max_digits: 'Decimal input should have no more than {max_digits} digit{max_digits|s} in total',
  decimal_max_places: 'Decimal input should have no more than {decimal_places} decimal place{decimal_places|s}',
  decimal_whole_digits: 'Decimal input should have no more than {whole_digits} digit{whole_digits|s} before the decimal point',
  date_type: 'Input should be a valid date',
  date_parsing: 'Input should be a valid date in the format YYYY-MM-DD, {error}',
  date_from_datetime_parsing: 'Input should be a valid date or datetime, {error}',
  date_from_datetime_inexact: 'Datetimes provided to dates should have zero time - e.g. be exact dates',
  enum: 'Input should be {expected}',
  list_type: 'Input should be a valid list',
  too_short: '{field_type} should have at least {min_length} item{min_length|s} after validation, not {actual_length}',
  too_long: '{field_type} should have at most {max_length} item{max_length|s} after validation, not {actual_length}',
} as const;

export type PydanticErrorType = keyof typeof MESSAGES | 'value_error';

/** An error found by a rule; `loc` is relative to the field (list items add their index). */
export interface RuleIssue {
  type: PydanticErrorType;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
  loc?: LocSegment[];
}

export function pydanticError(type: keyof typeof MESSAGES, input: unknown, ctx?: Record<string, unknown>): RuleIssue {
  const msg = MESSAGES[type].replace(/\{(\w+)(\|s)?\}/g, (_match, key: string, plural?: string) => {
    const value = ctx?.[key];
    return plural ? (value === 1 ? '' : 's') : String(value);
  });
  return ctx ? { type, msg, input, ctx } : { type, msg, input };
}

/**
 * A `ValueError` raised by a custom validator: pydantic prefixes the message with "Value error, "
 * and FastAPI encodes the exception object in `ctx.error` as `{}`.
 */
export function valueError(message: string, input: unknown): RuleIssue {
  return { type: 'value_error', msg: `Value error, ${message}`, input, ctx: { error: {} } };
}

/** The issue at its place in the request, keys in FastAPI's order (`type, loc, msg, input, ctx`). */
export function located(issue: RuleIssue, loc: LocSegment[]): ValidationIssue {
  const { type, msg, input, ctx } = issue;
  return ctx ? { type, loc: [...loc, ...(issue.loc ?? [])], msg, input, ctx } : { type, loc: [...loc, ...(issue.loc ?? [])], msg, input };
}
