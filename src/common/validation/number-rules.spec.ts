import { boolRule, decimalRule, floatRule, intRule } from './number-rules';
import type { Rule } from './rule';

/** [input, 'ok', value] or [input, type, msg, ctx?], as pydantic 2 reports them (generated with pydantic). */
type Row = [unknown, string, unknown, Record<string, unknown>?];

function expectParity<T>(rule: Rule<T>, rows: Row[], toComparable: (value: T) => unknown = (value) => value): void {
  for (const [input, type, expected, ctx] of rows) {
    const result = rule.check(input);
    if (type === 'ok') {
      expect({ input, value: result.ok ? toComparable(result.value) : result.issues }).toEqual({ input, value: expected });
    } else {
      expect({ input, issues: result.ok ? result.value : result.issues }).toEqual({ input, issues: [{ type, msg: expected, input, ...(ctx ? { ctx } : {}) }] });
    }
  }
}

describe('number rules (pydantic lax mode)', () => {
  it('parses integers like pydantic', () => {
    expectParity(intRule(), [
      [true, 'ok', 1],
      ['5', 'ok', 5],
      [' 5 ', 'ok', 5],
      ['+5', 'ok', 5],
      ['5.0', 'ok', 5],
      ['5.', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      ['5.5', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      [5.5, 'int_from_float', 'Input should be a valid integer, got a number with a fractional part'],
      ['abc', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      ['', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      [null, 'int_type', 'Input should be a valid integer'],
      [[1], 'int_type', 'Input should be a valid integer'],
      ['1_000', 'ok', 1000],
      ['1__0', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      ['0x10', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      ['007', 'ok', 7],
      ['1e3', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
      ['-0', 'ok', 0],
      ['+0.0', 'ok', 0],
      ['5.00', 'ok', 5],
      ['5.0_0', 'int_parsing', 'Input should be a valid integer, unable to parse string as an integer'],
    ]);
  });

  it('checks integer bounds with the bound in ctx, echoing the raw input', () => {
    expectParity(intRule({ gt: 0 }), [['-10', 'greater_than', 'Input should be greater than 0', { gt: 0 }]]);
    expectParity(intRule({ ge: 1, le: 20 }), [
      ['50', 'less_than_equal', 'Input should be less than or equal to 20', { le: 20 }],
      ['0', 'greater_than_equal', 'Input should be greater than or equal to 1', { ge: 1 }],
    ]);
    expectParity(intRule({ lt: 3 }), [[3, 'less_than', 'Input should be less than 3', { lt: 3 }]]);
  });

  it('keeps integers within PostgreSQL integer unless told otherwise', () => {
    expectParity(intRule(), [
      ['2147483648', 'less_than_equal', 'Input should be less than or equal to 2147483647', { le: 2147483647 }],
      [-2147483649, 'greater_than_equal', 'Input should be greater than or equal to -2147483648', { ge: -2147483648 }],
    ]);
    expectParity(intRule({ wide: true }), [['2147483648', 'ok', 2147483648]]);
  });

  it('parses floats like pydantic, refusing non-finite values', () => {
    expectParity(floatRule(), [
      [true, 'ok', 1],
      ['5', 'ok', 5],
      [' 5.5 ', 'ok', 5.5],
      ['1e5', 'ok', 100000],
      ['.5', 'ok', 0.5],
      ['5.', 'ok', 5],
      ['abc', 'float_parsing', 'Input should be a valid number, unable to parse string as a number'],
      ['', 'float_parsing', 'Input should be a valid number, unable to parse string as a number'],
      [null, 'float_type', 'Input should be a valid number'],
      ['1_0', 'ok', 10],
      ['0x1', 'float_parsing', 'Input should be a valid number, unable to parse string as a number'],
      ['1e', 'float_parsing', 'Input should be a valid number, unable to parse string as a number'],
      ['e5', 'float_parsing', 'Input should be a valid number, unable to parse string as a number'],
      ['1.5e+3', 'ok', 1500],
      ['+.5', 'ok', 0.5],
      ['nan', 'finite_number', 'Input should be a finite number'],
      ['-Infinity', 'finite_number', 'Input should be a finite number'],
      ['1e400', 'finite_number', 'Input should be a finite number'],
    ]);
    expectParity(floatRule({ ge: 1, le: 10 }), [[11, 'less_than_equal', 'Input should be less than or equal to 10', { le: 10 }]]);
  });

  it('parses decimals like pydantic into plain decimal strings', () => {
    expectParity(decimalRule(), [
      ['9.99', 'ok', '9.99'],
      [9.99, 'ok', '9.99'],
      ['1e2', 'ok', '100'],
      ['abc', 'decimal_parsing', 'Input should be a valid decimal'],
      [true, 'decimal_type', 'Decimal input should be an integer, float, string or Decimal object'],
      [null, 'decimal_type', 'Decimal input should be an integer, float, string or Decimal object'],
      [' 1.5 ', 'ok', '1.5'],
      ['1.', 'ok', '1'],
      ['.5', 'ok', '0.5'],
      ['1_0', 'ok', '10'],
      ['1e', 'decimal_parsing', 'Input should be a valid decimal'],
      ['+.5', 'ok', '0.5'],
      ['00.5', 'ok', '0.5'],
      ['-.5e-2', 'ok', '-0.005'],
      ['9.90', 'ok', '9.90'],
      ['NaN', 'finite_number', 'Input should be a finite number'],
    ]);
    expectParity(decimalRule({ ge: 0 }), [['-1', 'greater_than_equal', 'Input should be greater than or equal to 0', { ge: 0 }]]);
  });

  it('counts decimal digits like pydantic (max_digits 10, decimal_places 2)', () => {
    expectParity(decimalRule({ maxDigits: 10, decimalPlaces: 2 }), [
      ['9.999', 'decimal_max_places', 'Decimal input should have no more than 2 decimal places', { decimal_places: 2 }],
      ['123456789.1', 'decimal_whole_digits', 'Decimal input should have no more than 8 digits before the decimal point', { whole_digits: 8 }],
      ['12345678901', 'decimal_max_digits', 'Decimal input should have no more than 10 digits in total', { max_digits: 10 }],
      ['0.000', 'ok', '0.000'],
      ['99999999.99', 'ok', '99999999.99'],
      ['100000000', 'decimal_whole_digits', 'Decimal input should have no more than 8 digits before the decimal point', { whole_digits: 8 }],
      ['0.001', 'decimal_max_places', 'Decimal input should have no more than 2 decimal places', { decimal_places: 2 }],
      ['1.10', 'ok', '1.10'],
      ['1e3', 'ok', '1000'],
      ['1e8', 'decimal_whole_digits', 'Decimal input should have no more than 8 digits before the decimal point', { whole_digits: 8 }],
      ['1e-2', 'ok', '0.01'],
      ['-12345678.9', 'ok', '-12345678.9'],
    ]);
  });

  it('parses booleans like pydantic', () => {
    expectParity(boolRule(), [
      [true, 'ok', true],
      [1, 'ok', true],
      [0, 'ok', false],
      [2, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
      ['yes', 'ok', true],
      ['Y', 'ok', true],
      ['off', 'ok', false],
      ['TRUE', 'ok', true],
      ['2', 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
      ['', 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
      [null, 'bool_type', 'Input should be a valid boolean'],
      ['t', 'ok', true],
      ['true ', 'bool_parsing', 'Input should be a valid boolean, unable to interpret input'],
      ['on', 'ok', true],
      ['No', 'ok', false],
      ['F', 'ok', false],
      [0.5, 'bool_type', 'Input should be a valid boolean'],
    ]);
  });

  it('runs a custom validator only on values that passed the built-in checks', () => {
    const validate = jest.fn((year: number) => (year < 1895 ? 'Year cannot be before 1895' : null));
    const sut = intRule({ ge: 0, validate });
    expect(sut.check(-1)).toEqual({ ok: false, issues: [expect.objectContaining({ type: 'greater_than_equal' })] });
    expect(validate).not.toHaveBeenCalled();
    expect(sut.check('1700')).toEqual({
      ok: false,
      issues: [{ type: 'value_error', msg: 'Value error, Year cannot be before 1895', input: '1700', ctx: { error: {} } }],
    });
    expect(sut.check(2001)).toEqual({ ok: true, value: 2001 });
  });
});
