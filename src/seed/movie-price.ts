import { centsToMoney } from '../common/http/money';

/**
 * The price the CSV import and the demo catalog give a movie, which their data lacks: an age tier
 * plus a rating tier, so newer and better-rated films cost more, and the same film always gets
 * the same price (re-imports stay idempotent).
 */
export const PRICE_RULE = [
  'price = age tier + rating tier:',
  '  released before 1960: 2.99, 1960-1979: 3.99, 1980-1999: 4.99, 2000-2014: 5.99, 2015 or later: 7.99',
  '  IMDb rating 9.0 or more: +3.00, 8.5 to 8.9: +2.00, 8.0 to 8.4: +1.00, below 8.0: +0.00',
].join('\n');

const AGE_TIERS: ReadonlyArray<[fromYear: number, cents: number]> = [
  [2015, 799],
  [2000, 599],
  [1980, 499],
  [1960, 399],
];

const RATING_TIERS: ReadonlyArray<[fromRating: number, cents: number]> = [
  [9, 300],
  [8.5, 200],
  [8, 100],
];

export function derivedPrice(year: number, imdb: number): string {
  const age = AGE_TIERS.find(([fromYear]) => year >= fromYear)?.[1] ?? 299;
  const rating = RATING_TIERS.find(([fromRating]) => imdb >= fromRating)?.[1] ?? 0;
  return centsToMoney(age + rating);
}
