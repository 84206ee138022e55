import { centsToMoney, moneyToCents, moneyTransformer, toMoney, toMoneyOrNull } from './money';

describe('money', () => {
  it.each([
    ['10', '10.00'],
    ['9.9', '9.90'],
    ['9.99', '9.99'],
    ['0', '0.00'],
    ['.5', '0.50'],
    ['9.994', '9.99'],
    ['9.995', '10.00'],
    ['-1.005', '-1.01'],
    ['-0.001', '0.00'],
    [' 12.30 ', '12.30'],
  ])('writes %p as %p', (input, expected) => {
    expect(toMoney(input)).toBe(expected);
  });

  it('takes numbers by their decimal value', () => {
    expect(toMoney(9.99)).toBe('9.99');
    expect(toMoney(19.98)).toBe('19.98');
    expect(toMoney(0.1 + 0.2)).toBe('0.30');
  });

  it('sums in cents without float drift', () => {
    expect(centsToMoney(moneyToCents('0.10') + moneyToCents('0.20'))).toBe('0.30');
    expect(centsToMoney(-5)).toBe('-0.05');
  });

  it('refuses what is not an amount', () => {
    expect(() => toMoney('abc')).toThrow(TypeError);
    expect(() => toMoney('')).toThrow(TypeError);
  });

  it('lets null through where a column is nullable', () => {
    expect(toMoneyOrNull(null)).toBeNull();
    expect(moneyTransformer.from(null)).toBeNull();
    expect(moneyTransformer.from('12.5')).toBe('12.50');
    expect(moneyTransformer.to('12.50')).toBe('12.50');
  });
});
