import type { ValueTransformer } from 'typeorm';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * A money amount as the API sends it: a string with exactly two decimals (`"10.00"`, `"9.99"`),
 * rounded half away from zero like PostgreSQL `numeric`. Works on the decimal digits, never on a
 * binary float: give it the `numeric` column's string (or a number such as a literal price).
 */
export function toMoney(value: string | number): string {
  return centsToMoney(moneyToCents(value));
}

/** `toMoney` that lets `null` through, for nullable columns. */
export function toMoneyOrNull(value: string | number | null): string | null {
  return value === null ? null : toMoney(value);
}

/** An amount in whole cents (`"9.99"` -> 999), for sums and comparisons without floats. */
export function moneyToCents(value: string | number): number {
  const text = typeof value === 'number' ? value.toFixed(6) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new TypeError(`Not a decimal amount: "${value}"`);
  const [, sign, whole, fraction = ''] = match;
  const digits = `${whole || '0'}${fraction.padEnd(3, '0').slice(0, 3)}`;
  const cents = Math.floor(Number(digits) / 10) + (Number(digits.slice(-1)) >= 5 ? 1 : 0);
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Whole cents as a two-decimal string (999 -> `"9.99"`). */
export function centsToMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * TypeORM transformer for `numeric(10,2)` money columns: the entity holds the API's two-decimal
 * string (`"10.00"`); what is written goes to PostgreSQL unchanged.
 */
export const moneyTransformer: ValueTransformer = {
  to: (value: string | number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : toMoney(value)),
};
