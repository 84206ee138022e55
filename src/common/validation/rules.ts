import { boolRule, decimalRule, floatRule, intRule } from './number-rules';
import { pydanticError, type RuleIssue } from './pydantic-errors';
import { type CustomValidator, fail, finish, type Rule } from './rule';
import { dateRule, emailRule, enumRule, stringRule, uuidRule } from './string-rules';

export interface ListOptions<T> {
  minLength?: number;
  maxLength?: number;
  validate?: CustomValidator<T[]>;
}

/**
 * pydantic `list[...]`: every item is validated and every bad item reported (`loc` ends with
 * its index); then the length bounds (`too_short`/`too_long`). A repeated query parameter gives
 * all of its values.
 */
export function listRule<T>(item: Rule<T>, options: ListOptions<T> = {}): Rule<T[]> {
  const { minLength, maxLength } = options;
  return {
    isList: true,
    schema: { type: 'array', items: item.schema as object, minItems: minLength, maxItems: maxLength },
    check(input) {
      if (!Array.isArray(input)) return fail(pydanticError('list_type', input));
      const values: T[] = [];
      const issues: RuleIssue[] = [];
      input.forEach((element: unknown, index) => {
        const result = item.check(element);
        if (result.ok) values.push(result.value);
        else issues.push(...result.issues.map((issue) => ({ ...issue, loc: [index, ...(issue.loc ?? [])] })));
      });
      if (issues.length > 0) return { ok: false, issues };
      const length = values.length;
      if (minLength !== undefined && length < minLength) {
        return fail(pydanticError('too_short', input, { field_type: 'List', min_length: minLength, actual_length: length }));
      }
      if (maxLength !== undefined && length > maxLength) {
        return fail(pydanticError('too_long', input, { field_type: 'List', max_length: maxLength, actual_length: length }));
      }
      return finish(values, input, options.validate);
    },
  };
}

/**
 * Value rules with pydantic's semantics, for list items (`Field.list(Rules.string(...))`) and
 * single route parameters (`new RulePipe(Rules.int())`). DTO properties use `Field.*`.
 */
export const Rules = {
  string: stringRule,
  email: emailRule,
  uuid: uuidRule,
  enum: enumRule,
  date: dateRule,
  int: intRule,
  float: floatRule,
  decimal: decimalRule,
  bool: boolRule,
  list: listRule,
};
