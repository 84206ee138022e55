import type { Type } from '@nestjs/common';
import { type FieldDefinition, fieldsOf } from './field.decorators';
import { located, pydanticError } from './pydantic-errors';
import type { Rule } from './rule';
import { type InputSource, RequestValidationException, type ValidationIssue } from './validation-issue';

type RawObject = Record<string, unknown>;

function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/**
 * Validates one request input (the JSON body, the query string or the path parameters) against
 * a DTO class declared with `Field.*`, as FastAPI/pydantic would: every field is checked and
 * every problem reported, in declaration order, in one 422. Returns a new DTO instance holding
 * only the declared fields. Query and path values are strings (a repeated query parameter gives
 * its last value, or all of them to a list field); errors echo them raw.
 *
 * @throws RequestValidationException the 422 list of reference section 14.
 */
export function validateInput<T>(type: Type<T>, raw: unknown, source: InputSource): T {
  if (source === 'body') {
    // No body, an empty one or JSON `null`: the body model itself is missing.
    if (raw === undefined || raw === null) throw new RequestValidationException([missing(['body'], null)]);
    if (!isObject(raw)) {
      throw new RequestValidationException([located(pydanticError('model_attributes_type', raw), ['body'])]);
    }
  }
  const input: RawObject = isObject(raw) ? raw : {};
  const dto = Object.create(type.prototype) as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const field of fieldsOf(type)) {
    const outcome = validateField(field, input, source);
    if ('issues' in outcome) issues.push(...outcome.issues);
    else if ('value' in outcome) dto[field.name] = outcome.value;
  }
  if (issues.length > 0) throw new RequestValidationException(issues);
  return dto as T;
}

/**
 * Validates a single named path or query parameter with a rule (`RulePipe`); `raw` is the
 * parameter's value as the router gave it.
 */
export function validateParameter<T>(rule: Rule<T>, raw: unknown, source: InputSource, name: string): T {
  const field: FieldDefinition = { name, rule, optional: false, hasDefault: false, docs: {} };
  const outcome = validateField(field, raw === undefined ? {} : { [name]: raw }, source);
  if ('issues' in outcome) throw new RequestValidationException(outcome.issues);
  return (outcome as { value: T }).value;
}

type FieldOutcome = { value: unknown } | { issues: ValidationIssue[] } | { absent: true };

function validateField(field: FieldDefinition, input: RawObject, source: InputSource): FieldOutcome {
  const loc = [source, field.name];
  let value = Object.hasOwn(input, field.name) ? input[field.name] : undefined;
  if (value === undefined) {
    if (field.hasDefault) return { value: structuredClone(field.default) };
    if (field.optional) return { absent: true };
    // pydantic echoes the whole body object; FastAPI gives `null` for query and path parameters.
    return { issues: [missing(loc, source === 'body' ? input : null)] };
  }
  if (source !== 'body' && Array.isArray(value) && !field.rule.isList) value = value[value.length - 1];
  if (source !== 'body' && typeof value === 'string' && field.rule.isList) value = [value];
  if (value === null && field.optional && !field.hasDefault) return { value: null };
  const result = field.rule.check(value);
  if (result.ok) return { value: result.value };
  return { issues: result.issues.map((issue) => located(issue, loc)) };
}

function missing(loc: ValidationIssue['loc'], input: unknown): ValidationIssue {
  return located(pydanticError('missing', input), loc);
}
