import type { ApiPropertyOptions } from '@nestjs/swagger';
import { pydanticError, type RuleIssue, valueError } from './pydantic-errors';

export type RuleResult<T> = { ok: true; value: T } | { ok: false; issues: RuleIssue[] };

/**
 * How one value is validated, the way a pydantic field type is: coerce the input in lax mode
 * (numeric strings for numbers, ...), check the constraints, then run the custom validator. The
 * first failure wins, except in lists, where every bad item is reported.
 */
export interface Rule<T = unknown> {
  check(input: unknown): RuleResult<T>;
  /** OpenAPI description of the accepted value. */
  readonly schema: ApiPropertyOptions;
  /** A list takes every value of a repeated query parameter; any other rule takes the last. */
  readonly isList: boolean;
}

/**
 * A custom check run after the built-in ones, like a pydantic `field_validator` raising
 * `ValueError(message)`: return the message to reject the value (422 `value_error`,
 * `msg` "Value error, <message>"), or nothing to accept it.
 */
export type CustomValidator<T> = (value: T) => string | null | undefined;

export interface Bounds {
  gt?: number;
  ge?: number;
  lt?: number;
  le?: number;
}

export const ok = <T>(value: T): RuleResult<T> => ({ ok: true, value });
export const fail = <T>(issue: RuleIssue): RuleResult<T> => ({ ok: false, issues: [issue] });

/** Checks bounds in pydantic-core's order (le, lt, ge, gt); `ctx` carries the bound. */
export function checkBounds(value: number, input: unknown, bounds: Bounds): RuleIssue | null {
  if (bounds.le !== undefined && !(value <= bounds.le)) return pydanticError('less_than_equal', input, { le: bounds.le });
  if (bounds.lt !== undefined && !(value < bounds.lt)) return pydanticError('less_than', input, { lt: bounds.lt });
  if (bounds.ge !== undefined && !(value >= bounds.ge)) return pydanticError('greater_than_equal', input, { ge: bounds.ge });
  if (bounds.gt !== undefined && !(value > bounds.gt)) return pydanticError('greater_than', input, { gt: bounds.gt });
  return null;
}

/** Bounds in OpenAPI 3.1 (JSON Schema) terms, where exclusive bounds are numbers. */
export function boundsSchema(bounds: Bounds): ApiPropertyOptions {
  const schema: Record<string, unknown> = {};
  if (bounds.ge !== undefined) schema.minimum = bounds.ge;
  if (bounds.gt !== undefined) schema.exclusiveMinimum = bounds.gt;
  if (bounds.le !== undefined) schema.maximum = bounds.le;
  if (bounds.lt !== undefined) schema.exclusiveMaximum = bounds.lt;
  return schema;
}

/** Runs the custom validator, if any, on a value that passed the built-in checks. */
export function finish<T>(value: T, input: unknown, validate: CustomValidator<T> | undefined): RuleResult<T> {
  const message = validate?.(value);
  return message ? fail(valueError(message, input)) : ok(value);
}
