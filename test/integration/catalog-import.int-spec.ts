import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CreateMovieDto } from '../../src/modules/catalog/dto/movie.dto';
import { validateInput } from '../../src/common/validation/validate-input';
import { CatalogSeedService } from '../../src/seed/catalog-seed.service';
import { demoCatalog } from '../../src/seed/demo-catalog';
import { createSeedContext, type SeedContext } from '../utils/seed';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);

describe('catalog seed: CSV import, demo catalog, synthetic catalog', () => {
  let context: SeedContext;
  let sut: CatalogSeedService;
  let db: DataSource;

  /** Every catalog row, to prove that a second run changes nothing. */
  const snapshot = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const [table, order] of [
      ['movies', 'id'],
      ['genres', 'id'],
      ['stars', 'id'],
      ['directors', 'id'],
      ['certifications', 'id'],
      ['movies_genres', 'movie_id, genre_id'],
      ['movies_stars', 'movie_id, star_id'],
      ['movies_directors', 'movie_id, director_id'],
    ]) {
      tables[table] = await db.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    }
    return tables;
  };

  /** A movie with its certification and relations, by title and year. */
  const movie = async (name: string, year: number) => {
    const [row] = await db.query(
      `SELECT m.name, m.year, m.time, m.imdb, m.votes, m.meta_score, m.gross, m.description, m.price::text AS price, c.name AS certification,
              ARRAY(SELECT g.name FROM movies_genres j JOIN genres g ON g.id = j.genre_id WHERE j.movie_id = m.id ORDER BY g.name) AS genres,
              ARRAY(SELECT d.name FROM movies_directors j JOIN directors d ON d.id = j.director_id WHERE j.movie_id = m.id ORDER BY d.name) AS directors,
              ARRAY(SELECT s.name FROM movies_stars j JOIN stars s ON s.id = j.star_id WHERE j.movie_id = m.id ORDER BY s.name) AS stars
         FROM movies m JOIN certifications c ON c.id = m.certification_id WHERE m.name = $1 AND m.year = $2`,
      [name, year],
    );
    return row;
  };

  beforeAll(async () => {
    context = await createSeedContext();
    sut = context.app.get(CatalogSeedService);
    db = context.dataSource;
  });

  afterAll(() => context?.close());

  beforeEach(async () => {
    await db.query(`TRUNCATE movies, genres, stars, directors, certifications CASCADE`);
  });

  describe('--movies <file.csv>', () => {
    it('imports the good rows and reports every rejected one with its line and reasons', async () => {
      const report = await sut.importCsv(fixture('catalog-messy.csv'));

      expect(report).toEqual({
        rows: 12,
        inserted: 5,
        existing: 0,
        rejected: [
          { line: 7, title: 'Harbour Lights', reasons: ['Released_Year: Input should be a valid integer, unable to parse string as an integer (got "TBA")'] },
          { line: 8, title: 'Short Row', reasons: ['has 4 fields, the header has 16'] },
          { line: 9, title: 'ECHOES', reasons: ['the same title, year and runtime as line 5'] },
          { line: 10, title: 'Glass Orchard', reasons: ['Runtime: Input should be a valid integer, unable to parse string as an integer (got "2h 5m")'] },
          { line: 11, title: 'Overrated', reasons: ['IMDB_Rating: Input should be less than or equal to 10 (got "11.2")'] },
          { line: 14, title: 'Quiet Year', reasons: ['Released_Year: Value error, Year cannot be in future: 2999 (got "2999")'] },
          { line: 15, title: 'Tiny', reasons: ['Runtime: Input should be greater than 0 (got "0")'] },
        ],
      });
    });

    it('stores what the rows say, with derived prices and cleaned-up values', async () => {
      await sut.importCsv(fixture('catalog-messy.csv'));

      expect(await movie('The Lighthouse Keeper', 1998)).toEqual({
        name: 'The Lighthouse Keeper',
        year: 1998,
        time: 121,
        imdb: 8.1,
        votes: 12345,
        meta_score: 74,
        gross: 1234567,
        description: 'A keeper on a remote island finds letters, "never sent", hidden in the walls.',
        price: '5.99',
        certification: 'PG-13',
        genres: ['Drama', 'Mystery'],
        directors: ['Ingrid Solberg'],
        stars: ['Amélie Durand', 'Björn Halvorsen', 'Chen Wei', 'Ola Nordmann'],
      });
      expect(await movie('Paper Moons', 2004)).toMatchObject({
        certification: 'Unrated',
        meta_score: null,
        gross: null,
        price: '5.99',
        description: 'Two rival kite makers share a stall for one summer.\nNeither will give up the good corner.',
        stars: ['Lucia Ferri', 'Paolo Greco'],
      });
      expect(await movie('Façade', 1962)).toMatchObject({ price: '4.99', genres: ['Crime', 'Film-Noir'], stars: ['Zoë Kovač', 'Émile Roux'] });
      // Two films share a title (and a star): both are imported, the star once.
      expect(await movie('Echoes', 1987)).toMatchObject({ time: 102, price: '4.99' });
      expect(await movie('Echoes', 2011)).toMatchObject({ time: 99, price: '6.99', genres: ['Drama', 'Thriller'] });
      expect(await db.query(`SELECT count(*)::int AS n FROM stars WHERE name = 'Tom Ashby'`)).toEqual([{ n: 1 }]);
    });

    it('changes nothing the second time, even what was edited or deleted since', async () => {
      await sut.importCsv(fixture('catalog-messy.csv'));
      await db.query(`UPDATE movies SET price = 1.00 WHERE name = 'Echoes' AND year = 1987`);
      await db.query(`DELETE FROM stars WHERE name = 'Ola Nordmann'`);
      const before = await snapshot();

      const report = await sut.importCsv(fixture('catalog-messy.csv'));

      expect(report).toMatchObject({ rows: 12, inserted: 0, existing: 5 });
      expect(report.rejected).toHaveLength(7);
      expect(await snapshot()).toEqual(before);
    });

    it('reads CRLF, a byte-order mark and columns in another order, and matches existing movies in any case', async () => {
      await sut.importCsv(fixture('catalog-messy.csv'));

      const report = await sut.importCsv(fixture('catalog-crlf-bom.csv'));

      expect(report).toEqual({ rows: 2, inserted: 1, existing: 1, rejected: [] });
      expect(await movie('Salt Roads', 2009)).toMatchObject({
        description: 'Merchants cross a desert\r\nwith a cargo nobody will name.',
        genres: ['Adventure', 'History'],
        directors: ['Farah Qadir'],
        stars: ['Lena Voss', 'Omar Haddad'],
        price: '5.99',
      });
      expect(await movie('The Lighthouse Keeper', 1998)).toMatchObject({ description: expect.stringContaining('never sent') });
    });

    it('reports progress from the start of the file to its end', async () => {
      const fractions: number[] = [];

      await sut.importCsv(fixture('catalog-messy.csv'), (fraction) => fractions.push(fraction));

      expect(fractions.length).toBeGreaterThan(0);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
      expect(fractions[fractions.length - 1]).toBe(1);
    });

    it.each([
      ['catalog-missing-columns.csv', /catalog-missing-columns\.csv: the header lacks the columns Certificate, Genre, IMDB_Rating, Overview, Meta_score, Director, Star1, Star2, Star3, Star4, No_of_Votes, Gross$/],
      ['catalog-unclosed-quote.csv', /catalog-unclosed-quote\.csv: line 2: a quoted field is never closed$/],
      ['no-such-file.csv', /^cannot read .*no-such-file\.csv: no such file$/],
    ])('refuses %s with a clear message and imports nothing', async (name, message) => {
      await expect(sut.importCsv(fixture(name))).rejects.toThrow(message);
      expect(await db.query(`SELECT count(*)::int AS n FROM movies`)).toEqual([{ n: 0 }]);
    });
  });

  describe('demo catalog', () => {
    it('is made of movies that pass the API rules, with distinct keys', () => {
      const movies = demoCatalog();

      expect(movies.length).toBeGreaterThanOrEqual(50);
      for (const demo of movies) expect(validateInput(CreateMovieDto, demo, 'body')).toEqual(expect.objectContaining({ name: demo.name }));
      expect(new Set(movies.map((demo) => `${demo.name.toLowerCase()}|${demo.year}|${demo.time}`)).size).toBe(movies.length);
    });

    it('fills an empty catalog once; a catalog with movies is left alone', async () => {
      expect(await sut.seedDemoCatalog()).toEqual({ inserted: demoCatalog().length });
      const after = await snapshot();

      expect(await sut.seedDemoCatalog()).toBe('catalog-not-empty');
      expect(await snapshot()).toEqual(after);
      expect(await movie('Scarface', 1983)).toMatchObject({ directors: ['Brian De Palma'], price: '5.99' });
      expect(await movie('Scarface', 1932)).toMatchObject({ directors: ['Howard Hawks'] });
    });

    it('is not added to a catalog that has any movie', async () => {
      await sut.importCsv(fixture('catalog-crlf-bom.csv'));

      expect(await sut.seedDemoCatalog()).toBe('catalog-not-empty');
      expect(await db.query(`SELECT count(*)::int AS n FROM movies`)).toEqual([{ n: 2 }]);
    });
  });

  describe('--synthetic N', () => {
    it('adds N movies with their relations; the same N again adds nothing, a larger one the rest', async () => {
      expect(await sut.buildSynthetic(300)).toEqual({ inserted: 300 });
      const counts = async () =>
        (
          await db.query(`SELECT (SELECT count(*)::int FROM movies) AS movies,
                                 (SELECT count(*)::int FROM movies m WHERE NOT EXISTS (SELECT 1 FROM movies_genres j WHERE j.movie_id = m.id)) AS without_genre,
                                 (SELECT count(*)::int FROM movies m WHERE NOT EXISTS (SELECT 1 FROM movies_stars j WHERE j.movie_id = m.id)) AS without_star,
                                 (SELECT count(*)::int FROM movies_directors) AS directed`)
        )[0];
      expect(await counts()).toEqual({ movies: 300, without_genre: 0, without_star: 0, directed: 300 });
      const before = await snapshot();

      expect(await sut.buildSynthetic(300)).toEqual({ inserted: 0 });
      expect(await snapshot()).toEqual(before);

      expect(await sut.buildSynthetic(350)).toEqual({ inserted: 50 });
      expect(await counts()).toEqual({ movies: 350, without_genre: 0, without_star: 0, directed: 350 });
    });
  });
});
