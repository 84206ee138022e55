import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/core/database/data-source-options';
import { createTestDatabase } from '../utils/database';

/**
 * The schema the migrations build: it matches the entities exactly, holds every table and column
 * of the reference (CONTRACT.md E) with our additions, and enforces the rules that only the
 * database can guarantee under concurrency.
 */

/** Table -> column -> PostgreSQL type (`udt_name`), reference columns first, then ours. */
const EXPECTED_COLUMNS: Record<string, Record<string, string>> = {
  user_groups: { id: 'int4', name: 'usergroupenum' },
  users: {
    id: 'int4',
    email: 'varchar',
    _hashed_password: 'varchar',
    is_active: 'bool',
    created_at: 'timestamp',
    updated_at: 'timestamptz',
    group_id: 'int4',
  },
  user_profiles: {
    id: 'int4',
    first_name: 'varchar',
    last_name: 'varchar',
    avatar: 'varchar',
    gender: 'genderenum',
    date_of_birth: 'date',
    info: 'text',
    user_id: 'int4',
  },
  activation_tokens: { id: 'int4', token: 'varchar', expires_at: 'timestamptz', user_id: 'int4', created_at: 'timestamptz' },
  password_reset_tokens: { id: 'int4', token: 'varchar', expires_at: 'timestamptz', user_id: 'int4', created_at: 'timestamptz' },
  refresh_tokens: {
    id: 'int4',
    token: 'varchar',
    expires_at: 'timestamptz',
    user_id: 'int4',
    family_id: 'uuid',
    revoked_at: 'timestamptz',
    created_at: 'timestamptz',
  },
  certifications: { id: 'int4', name: 'varchar' },
  genres: { id: 'int4', name: 'varchar' },
  stars: { id: 'int4', name: 'varchar' },
  directors: { id: 'int4', name: 'varchar' },
  movies: {
    id: 'int4',
    uuid: 'uuid',
    name: 'varchar',
    year: 'int4',
    time: 'int4',
    imdb: 'float8',
    votes: 'int4',
    meta_score: 'float8',
    gross: 'float8',
    description: 'text',
    price: 'numeric',
    certification_id: 'int4',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  movies_genres: { movie_id: 'int4', genre_id: 'int4' },
  movies_stars: { movie_id: 'int4', star_id: 'int4' },
  movies_directors: { movie_id: 'int4', director_id: 'int4' },
  carts: { id: 'int4', user_id: 'int4' },
  cart_items: { id: 'int4', added_at: 'timestamptz', cart_id: 'int4', movie_id: 'int4' },
  orders: { id: 'int4', user_id: 'int4', created_at: 'timestamptz', status: 'orderstatusenum', total_amount: 'numeric', updated_at: 'timestamptz' },
  order_items: { id: 'int4', order_id: 'int4', movie_id: 'int4', price_at_order: 'numeric' },
  purchases: { id: 'int4', purchased_at: 'timestamptz', user_id: 'int4', movie_id: 'int4', order_id: 'int4' },
  payments: {
    id: 'int4',
    created_at: 'timestamptz',
    amount: 'numeric',
    status: 'paymentstatusenum',
    external_payment_id: 'varchar',
    user_id: 'int4',
    order_id: 'int4',
  },
  payment_items: { id: 'int4', price_at_payment: 'numeric', payment_id: 'int4', order_item_id: 'int4' },
  outbox: {
    id: 'int8',
    type: 'varchar',
    payload: 'jsonb',
    created_at: 'timestamptz',
    available_at: 'timestamptz',
    relayed_at: 'timestamptz',
    attempts: 'int4',
    last_error: 'text',
  },
  catalog_state: { id: 'int2', version: 'int8' },
  movie_reactions: { user_id: 'int4', movie_id: 'int4', reaction: 'reactionenum', created_at: 'timestamptz', updated_at: 'timestamptz' },
  movie_ratings: { user_id: 'int4', movie_id: 'int4', score: 'int2', created_at: 'timestamptz', updated_at: 'timestamptz' },
  favorites: { user_id: 'int4', movie_id: 'int4', created_at: 'timestamptz' },
  movie_stats: { movie_id: 'int4', likes: 'int4', dislikes: 'int4', rating_count: 'int4', rating_sum: 'int4', rating_average: 'numeric' },
  comments: { id: 'int4', movie_id: 'int4', user_id: 'int4', parent_id: 'int4', text: 'text', created_at: 'timestamptz', updated_at: 'timestamptz' },
  comment_likes: { user_id: 'int4', comment_id: 'int4', created_at: 'timestamptz' },
  notifications: {
    id: 'int4',
    user_id: 'int4',
    type: 'varchar',
    message: 'text',
    actor_id: 'int4',
    movie_id: 'int4',
    comment_id: 'int4',
    created_at: 'timestamptz',
    read_at: 'timestamptz',
  },
};

const EXPECTED_ENUMS: Record<string, string[]> = {
  usergroupenum: ['ADMIN', 'USER', 'MODERATOR'],
  genderenum: ['MAN', 'WOMAN'],
  orderstatusenum: ['PENDING', 'PAID', 'CANCELLED', 'REFUNDED'],
  paymentstatusenum: ['SUCCESSFUL', 'CANCELLED', 'REFUNDED'],
  reactionenum: ['like', 'dislike'],
};

describe('database schema (migrations)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  const pendingSchemaChanges = async (): Promise<string[]> =>
    (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);

  const columnsOf = async (): Promise<Record<string, Record<string, string>>> => {
    const rows: { table_name: string; column_name: string; udt_name: string }[] = await dataSource.query(
      `SELECT table_name, column_name, udt_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
    );
    const tables: Record<string, Record<string, string>> = {};
    for (const row of rows) (tables[row.table_name] ??= {})[row.column_name] = row.udt_name;
    return tables;
  };

  /** Runs `sql` and returns the PostgreSQL error it raised (`code`, `constraint`), or null. */
  const violation = async (sql: string, params: unknown[] = []): Promise<{ code: string; constraint?: string } | null> => {
    try {
      await dataSource.query(sql, params);
      return null;
    } catch (error) {
      const { code, constraint } = (error as { driverError: { code: string; constraint?: string } }).driverError;
      return { code, constraint };
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(buildDataSourceOptions({ url: database.url, poolSize: 2 }));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('matches the entities exactly: TypeORM finds nothing to change', async () => {
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('has every table and column of the reference and of our additions, with its type', async () => {
    const tables = await columnsOf();

    for (const [table, columns] of Object.entries(EXPECTED_COLUMNS)) expect({ [table]: tables[table] }).toEqual({ [table]: columns });
  });

  it('has the enum types with the upper-case names, and the fixed user groups', async () => {
    const rows: { typname: string; labels: string[] }[] = await dataSource.query(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.typname, row.labels]))).toMatchObject(EXPECTED_ENUMS);
    expect(await dataSource.query(`SELECT id, name FROM user_groups ORDER BY id`)).toEqual([
      { id: 1, name: 'ADMIN' },
      { id: 2, name: 'USER' },
      { id: 3, name: 'MODERATOR' },
    ]);
  });

  it('has the trigram indexes of the catalog search', async () => {
    const rows: { indexname: string }[] = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname`,
    );
    expect(rows.map((row) => row.indexname)).toEqual(expect.arrayContaining([
      'ix_directors_name_trgm',
      'ix_movies_description_trgm',
      'ix_movies_name_trgm',
      'ix_stars_name_trgm',
    ]));
  });

  describe('rules the database enforces', () => {
    let userId: number;
    let movieId: number;

    beforeAll(async () => {
      [{ id: userId }] = await dataSource.query(
        `INSERT INTO users (email, _hashed_password, group_id) VALUES ('Reader@Example.com', 'x', 2) RETURNING id`,
      );
      const [{ id: certificationId }] = await dataSource.query(`INSERT INTO certifications (name) VALUES ('PG-13') RETURNING id`);
      [{ id: movieId }] = await dataSource.query(
        `INSERT INTO movies (name, year, time, imdb, votes, description, price, certification_id)
         VALUES ('Solaris', 1972, 167, 8.0, 95000, 'A psychologist travels to a space station.', 9.99, $1) RETURNING id`,
        [certificationId],
      );
    });

    it('keeps e-mails unique case-insensitively', async () => {
      expect(await violation(`INSERT INTO users (email, _hashed_password, group_id) VALUES ('reader@example.COM', 'x', 2)`)).toEqual({
        code: '23505',
        constraint: 'ux_users_email_lower',
      });
    });

    it.each(['genres', 'stars', 'directors', 'certifications'])('keeps %s names unique case-insensitively, usable by ON CONFLICT', async (table) => {
      await dataSource.query(`INSERT INTO ${table} (name) VALUES ('Science Fiction')`);

      expect(await violation(`INSERT INTO ${table} (name) VALUES ('science fiction')`)).toEqual({
        code: '23505',
        constraint: `ux_${table}_name_lower`,
      });
      const [row] = await dataSource.query(
        `INSERT INTO ${table} (name) VALUES ('SCIENCE FICTION')
         ON CONFLICT (lower(name)) DO UPDATE SET name = ${table}.name RETURNING name`,
      );
      expect(row).toEqual({ name: 'Science Fiction' });
    });

    it('lets remakes share a title but not (name, year, time), case-insensitively', async () => {
      const insert = (name: string, year: number) =>
        violation(
          `INSERT INTO movies (name, year, time, imdb, votes, description, price, certification_id)
           SELECT $1, $2, 167, 7.0, 1000, 'Remake.', 4.99, certification_id FROM movies WHERE id = $3`,
          [name, year, movieId],
        );

      expect(await insert('Solaris', 2002)).toBeNull();
      expect(await insert('SOLARIS', 1972)).toEqual({ code: '23505', constraint: 'unique_movie_constraint' });
    });

    it('allows at most one pending order per user', async () => {
      await dataSource.query(`INSERT INTO orders (user_id, status) VALUES ($1, 'CANCELLED'), ($1, 'PENDING')`, [userId]);

      expect(await violation(`INSERT INTO orders (user_id) VALUES ($1)`, [userId])).toEqual({
        code: '23505',
        constraint: 'ux_orders_user_id_pending',
      });
      expect(await violation(`INSERT INTO orders (user_id, status) VALUES ($1, 'PAID')`, [userId])).toBeNull();
    });

    it('refuses to delete a movie that was ordered or bought (sales history)', async () => {
      const [{ id: orderId }] = await dataSource.query(`SELECT id FROM orders WHERE user_id = $1 AND status = 'PAID'`, [userId]);
      await dataSource.query(`INSERT INTO order_items (order_id, movie_id, price_at_order) VALUES ($1, $2, 9.99)`, [orderId, movieId]);

      expect(await violation(`DELETE FROM movies WHERE id = $1`, [movieId])).toEqual({ code: '23503', constraint: 'order_items_movie_id_fkey' });

      await dataSource.query(`DELETE FROM order_items WHERE order_id = $1`, [orderId]);
      await dataSource.query(`INSERT INTO purchases (user_id, movie_id, order_id) VALUES ($1, $2, $3)`, [userId, movieId, orderId]);
      expect(await violation(`DELETE FROM movies WHERE id = $1`, [movieId])).toEqual({ code: '23503', constraint: 'purchases_movie_id_fkey' });
    });

    it('allows several refresh tokens per user, each digest once', async () => {
      const insert = (token: string) =>
        violation(`INSERT INTO refresh_tokens (token, expires_at, family_id, user_id) VALUES ($1, now() + interval '1 day', gen_random_uuid(), $2)`, [
          token,
          userId,
        ]);

      expect(await insert('a'.repeat(64))).toBeNull();
      expect(await insert('b'.repeat(64))).toBeNull();
      expect(await insert('a'.repeat(64))).toEqual({ code: '23505', constraint: 'refresh_tokens_token_key' });
    });

    it('keeps one pending activation token per user', async () => {
      const insert = (token: string) =>
        violation(`INSERT INTO activation_tokens (token, expires_at, user_id) VALUES ($1, now() + interval '1 day', $2)`, [token, userId]);

      expect(await insert('c'.repeat(64))).toBeNull();
      expect(await insert('d'.repeat(64))).toEqual({ code: '23505', constraint: 'activation_tokens_user_id_key' });
    });
  });

  it('reverts every migration down to an empty database, then migrates up again to the same schema', async () => {
    const migrated = await columnsOf();

    while ((await dataSource.query(`SELECT 1 FROM typeorm_migrations LIMIT 1`)).length > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await columnsOf()).toEqual({});
    expect(await dataSource.query(`SELECT typname FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid`)).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await columnsOf()).toEqual(migrated);
    expect(await pendingSchemaChanges()).toEqual([]);
  });
});
