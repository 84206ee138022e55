import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { boolRule, type DecimalOptions, decimalRule, type FloatOptions, floatRule, type IntOptions, intRule } from './number-rules';
import type { CustomValidator, Rule } from './rule';
import { type ListOptions, listRule } from './rules';
import { dateRule, emailRule, enumRule, type StringOptions, stringRule, uuidRule } from './string-rules';

export interface PresenceOptions<T> {
  /**
   * The field may be absent or `null`, like pydantic's `Optional[X] = None`. An absent field is
   * left unset on the DTO (so `'name' in dto` tells a PATCH what was sent); `null` stays `null`.
   */
  optional?: boolean;
  /** Used when the field is absent (a `null` is still validated); implies `optional`. */
  default?: T;
  description?: string;
  example?: T;
}

export interface FieldDefinition {
  name: string;
  rule: Rule;
  optional: boolean;
  hasDefault: boolean;
  default?: unknown;
  docs: Pick<PresenceOptions<unknown>, 'description' | 'example'>;
}

/** Each DTO class's own fields, in declaration order. */
const OWN_FIELDS = new WeakMap<Function, Map<string, FieldDefinition>>();

/**
 * The fields of a DTO class in pydantic's order: inherited ones first, each class's in
 * declaration order.
 */
export function fieldsOf(type: Function): FieldDefinition[] {
  const chain: Function[] = [];
  for (let current: unknown = type; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    chain.unshift(current);
  }
  const fields = new Map<string, FieldDefinition>();
  for (const cls of chain) for (const [name, definition] of OWN_FIELDS.get(cls) ?? []) fields.set(name, definition);
  return [...fields.values()];
}

export function hasFields(type: Function): boolean {
  return fieldsOf(type).length > 0;
}

function declare<T>(rule: Rule<T>, options: PresenceOptions<T>): PropertyDecorator {
  return (target, key) => {
    const name = String(key);
    const hasDefault = options.default !== undefined;
    const definition: FieldDefinition = {
      name,
      rule,
      optional: hasDefault || options.optional === true,
      hasDefault,
      default: options.default,
      docs: { description: options.description, example: options.example },
    };
    const own = OWN_FIELDS.get(target.constructor) ?? new Map<string, FieldDefinition>();
    own.set(name, definition);
    OWN_FIELDS.set(target.constructor, own);
    ApiProperty({
      ...rule.schema,
      ...definition.docs,
      required: !definition.optional,
      ...(hasDefault ? { default: options.default } : {}),
      ...(options.optional ? { nullable: true } : {}),
    } as Parameters<typeof ApiProperty>[0])(target, key);
  };
}

/**
 * Property decorators for request DTOs (bodies, query strings, path parameters), with the rules
 * and 422 vocabulary of pydantic (reference section 14). They also describe the property in
 * OpenAPI. Unknown input fields never reach the DTO.
 *
 * ```ts
 * class CreateGenreDto {
 *   @Field.string({ maxLength: 100 }) name: string;
 * }
 * ```
 * Custom checks go in `validate` and answer `value_error` ("Value error, <message>").
 */
export const Field = {
  string: (options: StringOptions & PresenceOptions<string> = {}) => declare(stringRule(options), options),
  email: (options: { validate?: CustomValidator<string> } & PresenceOptions<string> = {}) => declare(emailRule(options), options),
  uuid: (options: { validate?: CustomValidator<string> } & PresenceOptions<string> = {}) => declare(uuidRule(options), options),
  enum: <T extends string>(values: readonly T[] | Record<string, T>, options: { validate?: CustomValidator<T> } & PresenceOptions<T> = {}) =>
    declare(enumRule(values, options), options),
  date: (options: { validate?: CustomValidator<string> } & PresenceOptions<string> = {}) => declare(dateRule(options), options),
  int: (options: IntOptions & PresenceOptions<number> = {}) => declare(intRule(options), options),
  float: (options: FloatOptions & PresenceOptions<number> = {}) => declare(floatRule(options), options),
  /** A decimal string such as `"9.99"` (money never goes through a binary float). */
  decimal: (options: DecimalOptions & PresenceOptions<string> = {}) => declare(decimalRule(options), options),
  bool: (options: { validate?: CustomValidator<boolean> } & PresenceOptions<boolean> = {}) => declare(boolRule(options), options),
  /** A list of items validated by `item`, e.g. `Field.list(Rules.string({ maxLength: 100 }))`. */
  list: <T>(item: Rule<T>, options: ListOptions<T> & PresenceOptions<T[]> = {}) => declare(listRule(item, options), options),
};

/**
 * The DTO with every field of `base` made optional, with the same rules: the body of a PATCH
 * (`class UpdateMovieDto extends PartialDto(CreateMovieDto) {}`).
 */
export function PartialDto<T>(base: Type<T>): Type<Partial<T>> {
  class PartialFields {}
  for (const definition of fieldsOf(base)) {
    declare(definition.rule, { ...definition.docs, optional: true })(PartialFields.prototype, definition.name);
  }
  Object.defineProperty(PartialFields, 'name', { value: `Partial${base.name}` });
  return PartialFields as Type<Partial<T>>;
}
