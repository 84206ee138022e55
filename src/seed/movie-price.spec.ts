import { derivedPrice } from './movie-price';

describe('derivedPrice', () => {
  it.each([
    [1931, 7.9, '2.99'],
    [1959, 9.0, '5.99'],
    [1960, 8.0, '4.99'],
    [1994, 9.3, '7.99'],
    [1999, 8.49, '5.99'],
    [2000, 8.5, '7.99'],
    [2014, 7.6, '5.99'],
    [2015, 8.4, '8.99'],
    [2024, 9.0, '10.99'],
  ])('prices a %i film rated %f at %s', (year, imdb, price) => {
    expect(derivedPrice(year, imdb)).toBe(price);
  });
});
