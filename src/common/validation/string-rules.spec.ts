import { pydanticError } from './pydantic-errors';
import type { Rule } from './rule';
import { listRule } from './rules';
import { dateRule, emailRule, enumRule, NUL_CHARACTER_MESSAGE, stringRule, uuidRule } from './string-rules';

/** [input, 'ok', value] or [input, type, msg, ctx?], as pydantic 2 reports them (generated with pydantic). */
type Row = [unknown, string, unknown, Record<string, unknown>?];

function expectParity<T>(rule: Rule<T>, rows: Row[]): void {
  for (const [input, type, expected, ctx] of rows) {
    const result = rule.check(input);
    if (type === 'ok') {
      expect({ input, value: result.ok ? result.value : result.issues }).toEqual({ input, value: expected });
    } else {
      expect({ input, issues: result.ok ? result.value : result.issues }).toEqual({ input, issues: [{ type, msg: expected, input, ...(ctx ? { ctx } : {}) }] });
    }
  }
}

describe('string rules', () => {
  it('counts characters as Python does and checks min, max and pattern in that order', () => {
    expectParity(stringRule({ minLength: 1, maxLength: 2, pattern: /^a+$/ }), [
      ['', 'string_too_short', 'String should have at least 1 character', { min_length: 1 }],
      ['abc', 'string_too_long', 'String should have at most 2 characters', { max_length: 2 }],
      ['b', 'string_pattern_mismatch', "String should match pattern '^a+$'", { pattern: '^a+$' }],
      [5, 'string_type', 'Input should be a valid string'],
      [null, 'string_type', 'Input should be a valid string'],
      ['aa', 'ok', 'aa'],
    ]);
    expectParity(stringRule({ maxLength: 2 }), [['\u{1F600}\u{1F600}', 'ok', '\u{1F600}\u{1F600}']]);
  });

  it('refuses the NUL character, which PostgreSQL text cannot hold', () => {
    expect(stringRule().check('a\u0000b')).toEqual({
      ok: false,
      issues: [{ type: 'value_error', msg: `Value error, ${NUL_CHARACTER_MESSAGE}`, input: 'a\u0000b', ctx: { error: {} } }],
    });
    expect(stringRule().check('a\u0001b')).toMatchObject({ ok: true });
  });

  it('parses UUIDs like pydantic, with the Rust parser\'s explanations', () => {
    expectParity(uuidRule(), [
      [5, 'uuid_type', 'UUID input should be a string, bytes or UUID object'],
      ['xyz', 'uuid_parsing', 'Input should be a valid UUID, invalid character: found `x` at 1', { error: 'invalid character: found `x` at 1' }],
      ['', 'uuid_parsing', 'Input should be a valid UUID, invalid length: expected length 32 for simple format, found 0', { error: 'invalid length: expected length 32 for simple format, found 0' }],
      ['12345678123456781234567812345678', 'ok', '12345678-1234-5678-1234-567812345678'],
      ['1234567-1234-1234-1234-123456789012', 'uuid_parsing', 'Input should be a valid UUID, invalid group length in group 0: expected 8, found 7', { error: 'invalid group length in group 0: expected 8, found 7' }],
      ['12345678-1234-1234-1234-1234567890123', 'uuid_parsing', 'Input should be a valid UUID, invalid group length in group 4: expected 12, found 13', { error: 'invalid group length in group 4: expected 12, found 13' }],
      ['12345678-1234-1234-1234', 'uuid_parsing', 'Input should be a valid UUID, invalid group count: expected 5, found 4', { error: 'invalid group count: expected 5, found 4' }],
      ['{12345678-1234-1234-1234-123456789012}', 'ok', '12345678-1234-1234-1234-123456789012'],
      ['urn:uuid:12345678-1234-1234-1234-123456789012', 'ok', '12345678-1234-1234-1234-123456789012'],
      ['12345678-1234-1234-1234-12345678901g', 'uuid_parsing', 'Input should be a valid UUID, invalid character: found `g` at 36', { error: 'invalid character: found `g` at 36' }],
      ['123456781234567812345678123456789', 'uuid_parsing', 'Input should be a valid UUID, invalid length: expected length 32 for simple format, found 33', { error: 'invalid length: expected length 32 for simple format, found 33' }],
      ['é', 'uuid_parsing', 'Input should be a valid UUID, invalid character: found `é` at 1', { error: 'invalid character: found `é` at 1' }],
      ['12345678_1234-1234-1234-123456789012', 'uuid_parsing', 'Input should be a valid UUID, invalid character: found `_` at 9', { error: 'invalid character: found `_` at 9' }],
      ['{12345678123456781234567812345678}', 'uuid_parsing', 'Input should be a valid UUID, invalid group count: expected 5, found 1', { error: 'invalid group count: expected 5, found 1' }],
      ['A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'ok', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
      ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1', 'uuid_parsing', 'Input should be a valid UUID, invalid group length in group 4: expected 12, found 11', { error: 'invalid group length in group 4: expected 12, found 11' }],
      ['a0eebc999c0b4ef8bb6d6bb9bd380a1é', 'uuid_parsing', 'Input should be a valid UUID, invalid character: found `é` at 32', { error: 'invalid character: found `é` at 32' }],
      ['----', 'uuid_parsing', 'Input should be a valid UUID, invalid group length in group 0: expected 8, found 0', { error: 'invalid group length in group 0: expected 8, found 0' }],
      ['12345678-12345-1234-1234-12345678901', 'uuid_parsing', 'Input should be a valid UUID, invalid group length in group 1: expected 4, found 5', { error: 'invalid group length in group 1: expected 4, found 5' }],
      ['{}', 'uuid_parsing', 'Input should be a valid UUID, invalid group count: expected 5, found 1', { error: 'invalid group count: expected 5, found 1' }],
      ['urn:uuid:', 'uuid_parsing', 'Input should be a valid UUID, invalid group count: expected 5, found 1', { error: 'invalid group count: expected 5, found 1' }],
    ]);
  });

  it('parses dates like pydantic in lax mode', () => {
    expectParity(dateRule(), [
      [true, 'date_type', 'Input should be a valid date'],
      ['2020-01-01', 'ok', '2020-01-01'],
      ['2020-1-1', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, input is too short', { error: 'input is too short' }],
      ['abc', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, input is too short', { error: 'input is too short' }],
      ['', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, input is too short', { error: 'input is too short' }],
      ['2020-13-01', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, month value is outside expected range of 1-12', { error: 'month value is outside expected range of 1-12' }],
      ['2020-02-30', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, day value is outside expected range', { error: 'day value is outside expected range' }],
      ['2020-01-01T00:00:00', 'ok', '2020-01-01'],
      ['2020-01-01T10:00:00', 'date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates'],
      ['2020-01-01x', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid datetime separator, expected `T`, `t`, `_` or space', { error: 'invalid datetime separator, expected `T`, `t`, `_` or space' }],
      ['2020/01/01', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid date separator, expected `-`', { error: 'invalid date separator, expected `-`' }],
      ['20200101', 'date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates'],
      ['2020-01-01 00:00', 'ok', '2020-01-01'],
      ['2020-01-011', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid datetime separator, expected `T`, `t`, `_` or space', { error: 'invalid datetime separator, expected `T`, `t`, `_` or space' }],
      ['abcd-01-01', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid character in year', { error: 'invalid character in year' }],
      ['2020-0a-01', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid character in month', { error: 'invalid character in month' }],
      ['2020-01-0a', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid character in day', { error: 'invalid character in day' }],
      ['2020-01-01T', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, input is too short', { error: 'input is too short' }],
      ['2020-01-01T25:00', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, hour value is outside expected range of 0-23', { error: 'hour value is outside expected range of 0-23' }],
      ['2020-01-01T00:00Z', 'ok', '2020-01-01'],
      ['2020-01-01T00:00:00+02:00', 'ok', '2020-01-01'],
      ['2020-01-01T00:00:00.', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, second fraction digits missing after `.`', { error: 'second fraction digits missing after `.`' }],
      ['2020-01-01T00:00:00.1234567', 'date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates'],
      ['2020-01-01T00:00:00.0000001', 'ok', '2020-01-01'],
      ['2020-01-01T00:0', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, input is too short', { error: 'input is too short' }],
      ['2020-01-01T0a:00', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid character in hour', { error: 'invalid character in hour' }],
      ['2020-01-01T00-00', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid time separator, expected `:`', { error: 'invalid time separator, expected `:`' }],
      ['2020-01-01T00:60', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, minute value is outside expected range of 0-59', { error: 'minute value is outside expected range of 0-59' }],
      ['2020-01-01T00:00:60', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, second value is outside expected range of 0-59', { error: 'second value is outside expected range of 0-59' }],
      ['2020-01-01T00:00:0a', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid character in second', { error: 'invalid character in second' }],
      ['2020-01-01T00:00:00x', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid timezone sign', { error: 'invalid timezone sign' }],
      ['2020-01-01T00:00:00+2', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid timezone hour', { error: 'invalid timezone hour' }],
      ['2020-01-01T00:00:00+25:00', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, timezone offset must be less than 24 hours', { error: 'timezone offset must be less than 24 hours' }],
      ['2020-01-01T00:00:00 ', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid timezone sign', { error: 'invalid timezone sign' }],
      [' 2020-01-01', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid character in year', { error: 'invalid character in year' }],
      ['0', 'ok', '1970-01-01'],
      ['86400', 'ok', '1970-01-02'],
      ['86401', 'date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates'],
      ['1.5', 'date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates'],
      ['-86400', 'ok', '1969-12-31'],
      ['2020-00-01', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, month value is outside expected range of 1-12', { error: 'month value is outside expected range of 1-12' }],
      ['2021-02-29', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, day value is outside expected range', { error: 'day value is outside expected range' }],
      ['2024-02-29', 'ok', '2024-02-29'],
      ['2100-02-29', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, day value is outside expected range', { error: 'day value is outside expected range' }],
      ['2000-02-29', 'ok', '2000-02-29'],
      ['0000-01-01', 'date_parsing', 'Input should be a valid date in the format YYYY-MM-DD, year 0 is out of range', { error: 'year 0 is out of range' }],
      ['2020-01-01T00:00:00+0000', 'ok', '2020-01-01'],
      ['2020-01-01t00:00', 'ok', '2020-01-01'],
      ['2020-01-01_00:00', 'ok', '2020-01-01'],
      ['86400000000', 'ok', '1972-09-27'],
      ['1e5', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, input is too short', { error: 'input is too short' }],
      ['2020-01-01T00:00:00,5', 'date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates'],
      ['2020-01-01T00:00:00+00:00:00', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, unexpected extra characters at the end of the input', { error: 'unexpected extra characters at the end of the input' }],
      ['2020-01-01T00:00:00+0a:00', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid timezone hour', { error: 'invalid timezone hour' }],
      ['2020-01-01T00:00:00+00:0a', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid timezone minute', { error: 'invalid timezone minute' }],
      ['2020-01-01T00:00:', 'date_from_datetime_parsing', 'Input should be a valid date or datetime, invalid character in second', { error: 'invalid character in second' }],
      [0, 'ok', '1970-01-01'],
      [86400, 'ok', '1970-01-02'],
      [86401, 'date_from_datetime_inexact', 'Datetimes provided to dates should have zero time - e.g. be exact dates'],
    ]);
  });

  it('lists the allowed values of an enum as pydantic does', () => {
    enum Reaction {
      Like = 'like',
      Dislike = 'dislike',
    }
    expectParity(enumRule(Reaction), [
      ['LIKE', 'enum', "Input should be 'like' or 'dislike'", { expected: "'like' or 'dislike'" }],
      [null, 'enum', "Input should be 'like' or 'dislike'", { expected: "'like' or 'dislike'" }],
      ['like', 'ok', 'like'],
    ]);
    expectParity(enumRule(['a', 'b', 'c']), [[5, 'enum', "Input should be 'a', 'b' or 'c'", { expected: "'a', 'b' or 'c'" }]]);
  });

  it('normalises e-mail addresses and explains invalid ones in value_error', () => {
    expectParity(emailRule(), [
      ['John <John.Doe@Example.COM>', 'ok', 'John.Doe@example.com'],
      [
        'not-an-email',
        'value_error',
        'value is not a valid email address: An email address must have an @-sign.',
        { reason: 'An email address must have an @-sign.' },
      ],
      [
        `${'a'.repeat(2049)}@example.com`,
        'value_error',
        'value is not a valid email address: Length must not exceed 2048 characters',
        { reason: 'Length must not exceed 2048 characters' },
      ],
      [42, 'string_type', 'Input should be a valid string'],
    ]);
  });

  it('reports every bad list item at its index, then the length bounds', () => {
    const sut = listRule(stringRule({ maxLength: 3 }), { minLength: 2, maxLength: 3 });
    expect(sut.check(['a', 1, null, 'abcd'])).toEqual({
      ok: false,
      issues: [
        { ...pydanticError('string_type', 1), loc: [1] },
        { ...pydanticError('string_type', null), loc: [2] },
        { ...pydanticError('string_too_long', 'abcd', { max_length: 3 }), loc: [3] },
      ],
    });
    expectParity(sut, [
      ['abc', 'list_type', 'Input should be a valid list'],
      [['a'], 'too_short', 'List should have at least 2 items after validation, not 1', { field_type: 'List', min_length: 2, actual_length: 1 }],
      [['a', 'b', 'c', 'd'], 'too_long', 'List should have at most 3 items after validation, not 4', { field_type: 'List', max_length: 3, actual_length: 4 }],
      [['a', 'b'], 'ok', ['a', 'b']],
    ]);
  });
});
