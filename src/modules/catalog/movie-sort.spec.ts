import { containsPattern } from './movie-queries';
import { orderByClause, parseSort } from './movie-sort';

describe('movie list sort', () => {
  it.each([
    [undefined, 'lower(m.name) DESC, m.id DESC'],
    ['', 'lower(m.name) DESC, m.id DESC'],
    ['bogus', 'm.id DESC'],
    ['year', 'm.year ASC, m.id ASC'],
    ['-year', 'm.year DESC, m.id DESC'],
    ['+price', 'm.price ASC, m.id ASC'],
    [' -votes , name ', 'm.votes DESC, lower(m.name) ASC, m.id ASC'],
    ['-imdb,rating,-year,year', 'm.imdb DESC, m.year DESC, m.id DESC'],
    ['created_at,nope,-name', 'm.created_at ASC, lower(m.name) DESC, m.id DESC'],
    ['constructor,__proto__,-toString', 'm.id DESC'],
  ])('sort=%j orders by %s', (sort, clause) => {
    expect(orderByClause(parseSort(sort))).toBe(clause);
  });
});

describe('containsPattern', () => {
  it('matches the text anywhere, with the LIKE wildcards and escape taken literally', () => {
    expect(containsPattern('Nolan')).toBe('%Nolan%');
    expect(containsPattern('100%_\\x')).toBe('%100\\%\\_\\\\x%');
  });
});
