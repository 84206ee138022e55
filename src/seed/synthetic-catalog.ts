import type { EntityManager } from 'typeorm';

/**
 * `npm run seed -- --synthetic N`: an N-movie catalog for benchmarks, generated inside
 * PostgreSQL (`INSERT ... SELECT` over `generate_series`, so nothing crosses the wire row by
 * row). Everything is a function of the movie's number, so a second run with the same N adds
 * nothing and a larger N adds only the new movies.
 *
 * Made-up words (two syllables out of 208, 43,264 words) stand for the rare words of real data
 * (titles, places, people), so that trigram statistics look like a real catalog's rather than a
 * small vocabulary's; common English words and phrases fill the rest. Per movie: an adjective and
 * a made-up word as title (the adjective is shared by one movie in 40, the word by 40), a
 * two-sentence description, two or three of the 21 usual genres (one or two when draws agree),
 * four stars out of N/5 (so about 20 movies each), one director out of N/20, one of six
 * certifications, and an IMDb rating, votes, meta score (null for one movie in 7), gross (null
 * for one in 5) and price spread over their ranges. Attributes are drawn with a seeded hash of
 * the movie's number, so they are uncorrelated, as in real data.
 */

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const SYLLABLES = ONSETS.flatMap((onset) => VOWELS.map((vowel) => onset + vowel));
const WORDS = SYLLABLES.length * SYLLABLES.length;

const ADJECTIVES = [
  'Silent', 'Crimson', 'Last', 'Hidden', 'Broken', 'Golden', 'Endless', 'Frozen', 'Distant', 'Wild',
  'Dark', 'Bright', 'Lost', 'Secret', 'Burning', 'Quiet', 'Electric', 'Hollow', 'Midnight', 'Iron',
  'Paper', 'Velvet', 'Savage', 'Gentle', 'Restless', 'Shattered', 'Northern', 'Final', 'Forgotten', 'Little',
  'Brave', 'Stolen', 'Painted', 'Falling', 'Open', 'Rising', 'Sleeping', 'Wandering', 'Bitter', 'Lonely',
];

const ROLES = [
  'detective', 'pilot', 'painter', 'smuggler', 'teacher', 'surgeon', 'boxer', 'chef', 'journalist', 'soldier',
  'widow', 'runaway', 'astronomer', 'lawyer', 'fisherman', 'dancer', 'thief', 'nurse', 'priest', 'mechanic',
  'violinist', 'farmer', 'spy', 'architect', 'gambler', 'diver', 'librarian', 'miner', 'poet', 'ranger',
];

const GOALS = [
  'searches for a missing brother', 'defends a small town', 'escapes a powerful family', 'rebuilds a ruined theatre',
  'chases a stolen fortune', 'uncovers a buried scandal', 'protects a stranger', 'returns home after twenty years',
  'plans one last heist', 'races against a deadly storm', 'tries to win back an old love', 'hunts a careful killer',
  'guards a dangerous secret', 'leads a desperate expedition', 'trains for an impossible match', 'fights a corrupt mayor',
  'follows a coded map', 'hides from a ruthless gang', 'raises a stubborn child', 'sails across a hostile sea',
];

const TWISTS = [
  'before the winter ends', 'while the city burns', 'with nothing left to lose', 'against every warning',
  'as a war draws near', 'under a false name', 'with the help of an old rival', 'while a family falls apart',
  'during a long summer', 'as the truth comes out', 'in a town that keeps its secrets', 'with the police one step behind',
];

const GENRES = [
  'Action', 'Adventure', 'Animation', 'Biography', 'Comedy', 'Crime', 'Drama', 'Family', 'Fantasy', 'Film-Noir', 'History',
  'Horror', 'Music', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Sport', 'Thriller', 'War', 'Western',
];

const CERTIFICATIONS = ['G', 'PG', 'PG-13', 'R', 'NC-17', 'Unrated'];

/** SQL for made-up word number `k` (taken modulo 43,264); the syllables are parameter $1. */
const word = (k: string) => `initcap(($1::text[])[1 + (${k}) % ${WORDS} % ${SYLLABLES.length}] || ($1::text[])[1 + (${k}) % ${WORDS} / ${SYLLABLES.length}])`;

/**
 * SQL for a pseudo-random number in `0 .. n-1` drawn from the integer `value`, independent for
 * each `seed`: attributes drawn with different seeds are uncorrelated, as in real data.
 */
const pick = (value: string, seed: number, n: number | string) => `((hashint8extended((${value})::bigint, ${seed}) & 2147483647) % ${n})`;

/**
 * A person's name for number k: the surname alone is unique for k below 43,264 (7919 and 6007
 * are prime to 43,264), so stars and directors never collide among themselves.
 */
const PERSON_NAMES = {
  stars: (k: string) => `${word(`${k} * 13 + 5`)} || ' ' || ${word(`${k} * 7919 + 11`)}`,
  directors: (k: string) => `${word(`${k} * 17 + 3`)} || ' ' || ${word(`${k} * 6007 + 29`)}`,
};

export interface SyntheticOutcome {
  /** Movies added by this run (0 when they all existed). */
  inserted: number;
}

/**
 * Adds the synthetic movies 1..`count` that are not in the catalog yet, with their people and
 * links, in the caller's transaction. `onStep` is told each step's name as it starts.
 */
export async function buildSyntheticCatalog(manager: EntityManager, count: number, onStep: (step: string) => void = () => undefined): Promise<SyntheticOutcome> {
  const stars = Math.max(100, Math.ceil(count / 5));
  const directors = Math.max(20, Math.ceil(count / 20));

  onStep('genres and certifications');
  await manager.query(`INSERT INTO genres (name) SELECT unnest($1::varchar[]) ON CONFLICT (lower(name)) DO NOTHING`, [GENRES]);
  await manager.query(`INSERT INTO certifications (name) SELECT unnest($1::varchar[]) ON CONFLICT (lower(name)) DO NOTHING`, [CERTIFICATIONS]);

  onStep(`${stars} stars and ${directors} directors`);
  for (const [table, total] of [['stars', stars], ['directors', directors]] as const) {
    await manager.query(
      `CREATE TEMP TABLE synthetic_${table} ON COMMIT DROP AS
       SELECT k, ${PERSON_NAMES[table]('k')} AS name FROM generate_series(0, $2::bigint - 1) AS k`,
      [SYLLABLES, total],
    );
    await manager.query(`INSERT INTO ${table} (name) SELECT name FROM synthetic_${table} ORDER BY k ON CONFLICT (lower(name)) DO NOTHING`);
    await manager.query(
      `CREATE TEMP TABLE synthetic_${table}_ids ON COMMIT DROP AS
       SELECT s.k, x.id FROM synthetic_${table} s JOIN ${table} x ON lower(x.name) = lower(s.name)`,
    );
  }

  onStep(`${count} movies`);
  await manager.query(
    `CREATE TEMP TABLE synthetic_movies ON COMMIT DROP AS
     SELECT i,
            ($2::text[])[1 + i % 40] || ' ' || ${word('(i / 40) * 7919')} AS name,
            1920 + ${pick('i', 1, 105)} AS year,
            80 + ${pick('i', 2, 100)} AS time,
            (1 + ${pick('i', 3, 90)} / 10.0)::float8 AS imdb,
            ${pick('i', 4, 2_000_000)} AS votes,
            CASE WHEN ${pick('i', 5, 7)} = 0 THEN NULL ELSE ${pick('i', 6, 101)}::float8 END AS meta_score,
            CASE WHEN ${pick('i', 7, 5)} = 0 THEN NULL ELSE ${pick('i', 8, 500_000_000)}::float8 END AS gross,
            'A ' || lower(($2::text[])[1 + ${pick('i', 9, 40)}]) || ' ' || ($3::text[])[1 + ${pick('i', 10, 30)}] || ' from ' || ${word(pick('i', 11, WORDS))}
              || ' ' || ($4::text[])[1 + ${pick('i', 12, 20)}] || ' ' || ($5::text[])[1 + ${pick('i', 13, 12)}] || '. Along the way, '
              || ${word(pick('i', 14, WORDS))} || ', a ' || ($3::text[])[1 + ${pick('i', 15, 30)}] || ', changes everything.' AS description,
            (199 + ${pick('i', 16, 1800)}) / 100.0 AS price,
            ($6::text[])[1 + ${pick('i', 17, 6)}] AS certification
       FROM generate_series(0, $7::bigint - 1) AS i`,
    [SYLLABLES, ADJECTIVES, ROLES, GOALS, TWISTS, CERTIFICATIONS, count],
  );
  await manager.query(`CREATE TEMP TABLE synthetic_new (i int PRIMARY KEY, id int NOT NULL) ON COMMIT DROP`);
  await manager.query(
    `WITH inserted AS (
       INSERT INTO movies (name, year, time, imdb, votes, meta_score, gross, description, price, certification_id, created_at)
       SELECT s.name, s.year, s.time, s.imdb, s.votes, s.meta_score, s.gross, s.description, s.price, c.id,
              now() - make_interval(secs => $1::int - s.i)
         FROM synthetic_movies s JOIN certifications c ON lower(c.name) = lower(s.certification)
        ORDER BY s.i
       ON CONFLICT (lower(name), year, time) DO NOTHING
       RETURNING id, name, year, time)
     INSERT INTO synthetic_new (i, id) SELECT s.i, inserted.id FROM inserted JOIN synthetic_movies s USING (name, year, time)`,
    [count],
  );
  const [{ inserted }]: Array<{ inserted: number }> = await manager.query(`SELECT count(*)::int AS inserted FROM synthetic_new`);

  onStep('links');
  await manager.query(
    `INSERT INTO movies_genres (movie_id, genre_id)
     SELECT DISTINCT n.id, g.id
       FROM synthetic_new n
       CROSS JOIN LATERAL (VALUES (${pick('n.i', 20, 21)}), (${pick('n.i', 21, 21)}), (CASE WHEN ${pick('n.i', 22, 3)} = 0 THEN ${pick('n.i', 23, 21)} END)) AS chosen(k)
       JOIN genres g ON lower(g.name) = lower(($1::text[])[1 + chosen.k])
     ON CONFLICT DO NOTHING`,
    [GENRES],
  );
  onStep('star links');
  await manager.query(
    `INSERT INTO movies_stars (movie_id, star_id)
     SELECT DISTINCT n.id, s.id
       FROM synthetic_new n CROSS JOIN generate_series(0, 3) AS j
       JOIN synthetic_stars_ids s ON s.k = ${pick('n.i * 4 + j', 24, '$1')}
     ON CONFLICT DO NOTHING`,
    [stars],
  );
  onStep('director links');
  await manager.query(
    `INSERT INTO movies_directors (movie_id, director_id)
     SELECT n.id, d.id FROM synthetic_new n JOIN synthetic_directors_ids d ON d.k = ${pick('n.i', 25, '$1')}
     ON CONFLICT DO NOTHING`,
    [directors],
  );
  return { inserted };
}
