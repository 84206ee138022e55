import { Client } from 'pg';
import { createTestDatabase } from '../utils/database';

/** The `movie_stats` rows and the triggers that keep them (migration Engagement). */
describe('movie_stats', () => {
  let drop: () => Promise<void>;
  let db: Client;
  let userIds: number[];

  const stats = async (movieId: number) =>
    (
      await db.query<{ likes: number; dislikes: number; rating_count: number; rating_sum: number; rating_average: string | null }>(
        `SELECT likes, dislikes, rating_count, rating_sum, rating_average::text FROM movie_stats WHERE movie_id = $1`,
        [movieId],
      )
    ).rows[0];

  const insertMovies = async (...names: string[]) =>
    (
      await db.query<{ id: number }>(
        `INSERT INTO movies (name, year, time, imdb, votes, description, price, certification_id)
         SELECT n, 2001, 99, 7.0, 10, 'A movie.', 1.00, (SELECT id FROM certifications LIMIT 1) FROM unnest($1::text[]) AS n RETURNING id`,
        [names],
      )
    ).rows.map((row) => row.id);

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(`INSERT INTO certifications (name) VALUES ('PG')`);
    userIds = (
      await db.query<{ id: number }>(
        `INSERT INTO users (email, _hashed_password, is_active, group_id) SELECT 'u' || i || '@example.com', 'x', true, 2 FROM generate_series(1, 4) i RETURNING id`,
      )
    ).rows.map((row) => row.id);
  });
  afterAll(async () => {
    await db?.end();
    await drop?.();
  });

  it('gives every new movie a row of zeros, one statement for many movies included', async () => {
    const [one] = await insertMovies('Solo');
    const many = await insertMovies('A', 'B', 'C');
    for (const id of [one, ...many]) expect(await stats(id)).toEqual({ likes: 0, dislikes: 0, rating_count: 0, rating_sum: 0, rating_average: null });
  });

  it('counts reactions as they are added, switched and removed', async () => {
    const [movie] = await insertMovies('Liked');
    const react = (user: number, reaction: string) =>
      db.query(
        `INSERT INTO movie_reactions (user_id, movie_id, reaction) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, movie_id) DO UPDATE SET reaction = EXCLUDED.reaction`,
        [user, movie, reaction],
      );
    await react(userIds[0], 'like');
    await react(userIds[1], 'like');
    await react(userIds[2], 'dislike');
    expect(await stats(movie)).toMatchObject({ likes: 2, dislikes: 1 });

    await react(userIds[0], 'dislike');
    expect(await stats(movie)).toMatchObject({ likes: 1, dislikes: 2 });

    await db.query(`DELETE FROM movie_reactions WHERE movie_id = $1 AND user_id = $2`, [movie, userIds[2]]);
    expect(await stats(movie)).toMatchObject({ likes: 1, dislikes: 1 });
  });

  it('keeps the ratings count, sum and average (two decimals, null without ratings)', async () => {
    const [movie] = await insertMovies('Rated');
    const rate = (user: number, score: number) =>
      db.query(
        `INSERT INTO movie_ratings (user_id, movie_id, score) VALUES ($1, $2, $3) ON CONFLICT (user_id, movie_id) DO UPDATE SET score = EXCLUDED.score`,
        [user, movie, score],
      );
    await rate(userIds[0], 10);
    await rate(userIds[1], 7);
    await rate(userIds[2], 8);
    expect(await stats(movie)).toMatchObject({ rating_count: 3, rating_sum: 25, rating_average: '8.33' });

    await rate(userIds[2], 1);
    expect(await stats(movie)).toMatchObject({ rating_count: 3, rating_sum: 18, rating_average: '6.00' });

    await db.query(`DELETE FROM movie_ratings WHERE movie_id = $1`, [movie]);
    expect(await stats(movie)).toMatchObject({ rating_count: 0, rating_sum: 0, rating_average: null });
  });

  it('empties the totals a TRUNCATE takes away', async () => {
    const [movie] = await insertMovies('Truncated');
    await db.query(`INSERT INTO movie_reactions (user_id, movie_id, reaction) VALUES ($1, $2, 'like')`, [userIds[0], movie]);
    await db.query(`INSERT INTO movie_ratings (user_id, movie_id, score) VALUES ($1, $2, 9)`, [userIds[0], movie]);

    await db.query(`TRUNCATE movie_reactions`);
    expect(await stats(movie)).toMatchObject({ likes: 0, dislikes: 0, rating_count: 1, rating_average: '9.00' });
    await db.query(`TRUNCATE movie_ratings`);
    expect(await stats(movie)).toEqual({ likes: 0, dislikes: 0, rating_count: 0, rating_sum: 0, rating_average: null });
  });

  it('goes with its movie', async () => {
    const [movie] = await insertMovies('Gone');
    await db.query(`INSERT INTO movie_ratings (user_id, movie_id, score) VALUES ($1, $2, 5)`, [userIds[3], movie]);
    await db.query(`DELETE FROM movies WHERE id = $1`, [movie]);
    expect(await stats(movie)).toBeUndefined();
  });
});
