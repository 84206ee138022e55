import { containsPattern } from './movie-queries';
import { orderByClause, parseSort, sortsByRating } from './movie-sort';

const RATING = 's.rating_average';

describe('movie list sort', () => {
  it.each([
    [undefined, 'lower(m.name) DESC, m.id DESC'],
    ['', 'lower(m.name) DESC, m.id DESC'],
    ['bogus', 'm.id DESC'],
    ['year', 'm.year ASC, m.id ASC'],
    ['-year', 'm.year DESC, m.id DESC'],
    ['+price', 'm.price ASC, m.id ASC'],
    [' -votes , name ', 'm.votes DESC, lower(m.name) ASC, m.id ASC'],
    ['-imdb,-year,year', 'm.imdb DESC, m.year DESC, m.id DESC'],
    ['rating', `${RATING} ASC NULLS LAST, m.id ASC`],
    ['-rating,imdb,rating', `${RATING} DESC NULLS LAST, m.imdb ASC, m.id ASC`],
    ['created_at,nope,-name', 'm.created_at ASC, lower(m.name) DESC, m.id DESC'],
    ['constructor,__proto__,-toString', 'm.id DESC'],
  ])('sort=%j orders by %s', (sort, clause) => {
    expect(orderByClause(parseSort(sort))).toBe(clause);
  });

  it('tells the orders that use the users\' ratings', () => {
    expect(sortsByRating(parseSort('-year,-rating'))).toBe(true);
    expect(sortsByRating(parseSort('-imdb,year'))).toBe(false);
    expect(sortsByRating(parseSort(undefined))).toBe(false);
  });
});

describe('containsPattern', () => {
  it('matches the text anywhere, with the LIKE wildcards and escape taken literally', () => {
    expect(containsPattern('Nolan')).toBe('%Nolan%');
    expect(containsPattern('100%_\\x')).toBe('%100\\%\\_\\\\x%');
  });
});
