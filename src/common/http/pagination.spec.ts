import { formEncode, pageMeta, pageWindow, paginated, type PaginationQueryDto } from './pagination';

const URL = 'http://testserver/movies/';
const query = (page: number, per_page = 10): PaginationQueryDto => ({ page, per_page });

describe('pagination', () => {
  it('counts 3 pages for 25 items of 10, the last holding 5', () => {
    expect(pageMeta(URL, query(1), 25).total_pages).toBe(3);
    expect(pageWindow(query(3))).toEqual({ offset: 20, limit: 10 });
  });

  it('links page 2 to pages 1 and 3', () => {
    expect(pageMeta(URL, query(2), 25)).toEqual({
      prev_page: 'http://testserver/movies/?page=1&per_page=10',
      next_page: 'http://testserver/movies/?page=3&per_page=10',
      total_pages: 3,
      total_items: 25,
    });
  });

  it('has no previous link on page 1 and no links at all for a single page', () => {
    expect(pageMeta(URL, query(1), 25).prev_page).toBeNull();
    expect(pageMeta(URL, query(1), 5)).toEqual({ prev_page: null, next_page: null, total_pages: 1, total_items: 5 });
  });

  it('gives 4 pages for 10 items of 3 (the reference test) and 0 pages for no items', () => {
    expect(pageMeta(URL, query(2, 3), 10)).toMatchObject({ total_pages: 4, total_items: 10 });
    expect(pageMeta(URL, query(1), 0)).toEqual({ prev_page: null, next_page: null, total_pages: 0, total_items: 0 });
  });

  it('links back from a page past the end', () => {
    expect(pageMeta(URL, query(9), 25)).toMatchObject({ prev_page: 'http://testserver/movies/?page=8&per_page=10', next_page: null });
  });

  it('carries the given, truthy filters in the caller order, then page and per_page', () => {
    const meta = pageMeta(URL, query(1, 5), 20, [
      ['year', 2001],
      ['imdb', '7.0'],
      ['genre', undefined],
      ['certification', ''],
      ['user_id', 0],
      ['sort', '-year,name'],
    ]);
    expect(meta.next_page).toBe('http://testserver/movies/?year=2001&imdb=7.0&sort=-year%2Cname&page=2&per_page=5');
  });

  it('accepts filters as an object and repeats a list filter', () => {
    expect(pageMeta(URL, query(1), 20, { genre: ['drama', 'crime'], star: null }).next_page).toBe(
      'http://testserver/movies/?genre=drama&genre=crime&page=2&per_page=10',
    );
  });

  it("form-encodes like Python's urlencode", () => {
    expect(formEncode([['email', 'a b@c.com'], ['q', "*~!'()é/&="]])).toBe('email=a+b%40c.com&q=%2A~%21%27%28%29%C3%A9%2F%26%3D');
  });

  it('puts the list after the four envelope keys', () => {
    const sut = paginated(pageMeta(URL, query(1), 1), 'movies', [{ id: 1 }]);
    expect(Object.keys(sut)).toEqual(['prev_page', 'next_page', 'total_pages', 'total_items', 'movies']);
  });
});
