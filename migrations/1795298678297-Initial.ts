import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The reference's tables (its section 16) with CONTRACT.md B's changes: case-insensitive
 * uniqueness of e-mails and catalog names, digests in the token tables, several refresh tokens
 * per user, `(lower(name), year, time)` as the only movie uniqueness, price snapshots, one
 * pending order per user, sales history protected from movie deletion; plus the outbox and the
 * pg_trgm indexes of the catalog search. Generated from the entities, then completed by hand
 * with what TypeORM cannot model (the extension, expression and trigram indexes, the groups).
 */
export class Initial1795298678297 implements MigrationInterface {
  name = 'Initial1795298678297';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13: the database owner may create it without superuser rights.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await this.createAccounts(queryRunner);
    await this.createCatalog(queryRunner);
    await this.createCommerce(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" BIGSERIAL NOT NULL,
        "type" character varying(64) NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "relayed_at" TIMESTAMP WITH TIME ZONE,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_pending" ON "outbox" ("id") WHERE relayed_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'payment_items',
      'payments',
      'purchases',
      'order_items',
      'orders',
      'cart_items',
      'carts',
      'movies_directors',
      'movies_stars',
      'movies_genres',
      'movies',
      'certifications',
      'directors',
      'stars',
      'genres',
      'refresh_tokens',
      'password_reset_tokens',
      'activation_tokens',
      'user_profiles',
      'users',
      'user_groups',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of ['paymentstatusenum', 'orderstatusenum', 'genderenum', 'usergroupenum']) {
      await queryRunner.query(`DROP TYPE "public"."${type}"`);
    }
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }

  private async createAccounts(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."usergroupenum" AS ENUM('ADMIN', 'USER', 'MODERATOR')`);
    await queryRunner.query(`
      CREATE TABLE "user_groups" (
        "id" SERIAL NOT NULL,
        "name" "public"."usergroupenum" NOT NULL,
        CONSTRAINT "user_groups_name_key" UNIQUE ("name"),
        CONSTRAINT "user_groups_pkey" PRIMARY KEY ("id")
      )`);
    // The fixed group ids of CONTRACT.md A, as the reference's migration seeds them.
    await queryRunner.query(`INSERT INTO "user_groups" ("id", "name") VALUES (1, 'ADMIN'), (2, 'USER'), (3, 'MODERATOR')`);
    await queryRunner.query(`SELECT setval(pg_get_serial_sequence('user_groups', 'id'), 3)`);

    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" SERIAL NOT NULL,
        "email" character varying(255) NOT NULL,
        "_hashed_password" character varying(255) NOT NULL,
        "is_active" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "group_id" integer NOT NULL,
        CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "users_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "user_groups"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_users_email" ON "users" ("email")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_users_email_lower" ON "users" (lower("email"))`);

    await queryRunner.query(`CREATE TYPE "public"."genderenum" AS ENUM('MAN', 'WOMAN')`);
    await queryRunner.query(`
      CREATE TABLE "user_profiles" (
        "id" SERIAL NOT NULL,
        "first_name" character varying(100),
        "last_name" character varying(100),
        "avatar" character varying(255),
        "gender" "public"."genderenum",
        "date_of_birth" date,
        "info" text,
        "user_id" integer NOT NULL,
        CONSTRAINT "user_profiles_user_id_key" UNIQUE ("user_id"),
        CONSTRAINT "user_profiles_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "user_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);

    // `token` holds the SHA-256 hex digest of the mailed secret (CONTRACT.md B5).
    for (const table of ['activation_tokens', 'password_reset_tokens']) {
      await queryRunner.query(`
        CREATE TABLE "${table}" (
          "id" SERIAL NOT NULL,
          "token" character varying(64) NOT NULL,
          "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
          "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
          "user_id" integer NOT NULL,
          CONSTRAINT "${table}_token_key" UNIQUE ("token"),
          CONSTRAINT "${table}_user_id_key" UNIQUE ("user_id"),
          CONSTRAINT "${table}_pkey" PRIMARY KEY ("id"),
          CONSTRAINT "${table}_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
        )`);
      // The worker deletes expired tokens every minute, in batches.
      await queryRunner.query(`CREATE INDEX "ix_${table}_expires_at" ON "${table}" ("expires_at")`);
    }

    // Several sessions per user (no unique user_id, CONTRACT.md B7); `token` is a digest.
    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" SERIAL NOT NULL,
        "token" character varying(512) NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "family_id" uuid NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "user_id" integer NOT NULL,
        CONSTRAINT "refresh_tokens_token_key" UNIQUE ("token"),
        CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "refresh_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_family_id" ON "refresh_tokens" ("family_id")`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_user_id" ON "refresh_tokens" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_tokens_expires_at" ON "refresh_tokens" ("expires_at")`);
  }

  private async createCatalog(queryRunner: QueryRunner): Promise<void> {
    // Names are stored as given and unique case-insensitively (CONTRACT.md B15).
    for (const table of ['genres', 'stars', 'directors', 'certifications']) {
      await queryRunner.query(`
        CREATE TABLE "${table}" (
          "id" SERIAL NOT NULL,
          "name" character varying(100) NOT NULL,
          CONSTRAINT "${table}_pkey" PRIMARY KEY ("id")
        )`);
      await queryRunner.query(`CREATE UNIQUE INDEX "ux_${table}_name_lower" ON "${table}" (lower("name"))`);
    }
    await queryRunner.query(`CREATE INDEX "ix_stars_name_trgm" ON "stars" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_directors_name_trgm" ON "directors" USING gin ("name" gin_trgm_ops)`);

    // No global unique name: remakes share titles (CONTRACT.md B16).
    await queryRunner.query(`
      CREATE TABLE "movies" (
        "id" SERIAL NOT NULL,
        "uuid" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(250) NOT NULL,
        "year" integer NOT NULL,
        "time" integer NOT NULL,
        "imdb" double precision NOT NULL,
        "votes" integer NOT NULL,
        "meta_score" double precision,
        "gross" double precision,
        "description" text NOT NULL,
        "price" numeric(10, 2) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "certification_id" integer NOT NULL,
        CONSTRAINT "movies_uuid_key" UNIQUE ("uuid"),
        CONSTRAINT "movies_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "movies_certification_id_fkey" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_movies_certification_id" ON "movies" ("certification_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "unique_movie_constraint" ON "movies" (lower("name"), "year", "time")`);
    await queryRunner.query(`CREATE INDEX "ix_movies_name_trgm" ON "movies" USING gin ("name" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_movies_description_trgm" ON "movies" USING gin ("description" gin_trgm_ops)`);

    for (const [table, column, target] of [
      ['movies_genres', 'genre_id', 'genres'],
      ['movies_stars', 'star_id', 'stars'],
      ['movies_directors', 'director_id', 'directors'],
    ]) {
      await queryRunner.query(`
        CREATE TABLE "${table}" (
          "movie_id" integer NOT NULL,
          "${column}" integer NOT NULL,
          CONSTRAINT "${table}_pkey" PRIMARY KEY ("movie_id", "${column}"),
          CONSTRAINT "${table}_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
          CONSTRAINT "${table}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE CASCADE ON UPDATE CASCADE
        )`);
      // TypeORM declares both indexes on every junction table; the first duplicates the key's prefix.
      await queryRunner.query(`CREATE INDEX "ix_${table}_movie_id" ON "${table}" ("movie_id")`);
      await queryRunner.query(`CREATE INDEX "ix_${table}_${column}" ON "${table}" ("${column}")`);
    }
  }

  private async createCommerce(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "carts" (
        "id" SERIAL NOT NULL,
        "user_id" integer NOT NULL,
        CONSTRAINT "carts_user_id_key" UNIQUE ("user_id"),
        CONSTRAINT "carts_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "carts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "cart_items" (
        "id" SERIAL NOT NULL,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "cart_id" integer NOT NULL,
        "movie_id" integer NOT NULL,
        CONSTRAINT "unique_cart_movies_ids" UNIQUE ("cart_id", "movie_id"),
        CONSTRAINT "cart_items_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "cart_items_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE,
        CONSTRAINT "cart_items_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_cart_items_movie_id" ON "cart_items" ("movie_id")`);

    await queryRunner.query(`CREATE TYPE "public"."orderstatusenum" AS ENUM('PENDING', 'PAID', 'CANCELLED', 'REFUNDED')`);
    await queryRunner.query(`
      CREATE TABLE "orders" (
        "id" SERIAL NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "status" "public"."orderstatusenum" NOT NULL DEFAULT 'PENDING',
        "total_amount" numeric(10, 2),
        "user_id" integer NOT NULL,
        CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_orders_user_id" ON "orders" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_orders_user_id_pending" ON "orders" ("user_id") WHERE status = 'PENDING'`);

    // Movies that were ordered or bought cannot be deleted (CONTRACT.md B29): RESTRICT.
    await queryRunner.query(`
      CREATE TABLE "order_items" (
        "id" SERIAL NOT NULL,
        "price_at_order" numeric(10, 2) NOT NULL,
        "order_id" integer NOT NULL,
        "movie_id" integer NOT NULL,
        CONSTRAINT "order_items_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE,
        CONSTRAINT "order_items_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "ix_order_items_order_id" ON "order_items" ("order_id")`);
    await queryRunner.query(`CREATE INDEX "ix_order_items_movie_id" ON "order_items" ("movie_id")`);

    await queryRunner.query(`
      CREATE TABLE "purchases" (
        "id" SERIAL NOT NULL,
        "purchased_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "user_id" integer NOT NULL,
        "movie_id" integer NOT NULL,
        "order_id" integer,
        CONSTRAINT "unique_user_movie_purchase" UNIQUE ("user_id", "movie_id"),
        CONSTRAINT "purchases_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "purchases_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "purchases_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE RESTRICT,
        CONSTRAINT "purchases_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "ix_purchases_movie_id" ON "purchases" ("movie_id")`);
    await queryRunner.query(`CREATE INDEX "ix_purchases_order_id" ON "purchases" ("order_id")`);

    await queryRunner.query(`CREATE TYPE "public"."paymentstatusenum" AS ENUM('SUCCESSFUL', 'CANCELLED', 'REFUNDED')`);
    await queryRunner.query(`
      CREATE TABLE "payments" (
        "id" SERIAL NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "amount" numeric(10, 2) NOT NULL,
        "status" "public"."paymentstatusenum" NOT NULL DEFAULT 'SUCCESSFUL',
        "external_payment_id" character varying(255),
        "user_id" integer NOT NULL,
        "order_id" integer NOT NULL,
        CONSTRAINT "payments_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "payments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_payments_user_id" ON "payments" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_payments_order_id" ON "payments" ("order_id")`);
    await queryRunner.query(`
      CREATE TABLE "payment_items" (
        "id" SERIAL NOT NULL,
        "price_at_payment" numeric(10, 2) NOT NULL,
        "payment_id" integer NOT NULL,
        "order_item_id" integer NOT NULL,
        CONSTRAINT "payment_items_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "payment_items_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE CASCADE,
        CONSTRAINT "payment_items_order_item_id_fkey" FOREIGN KEY ("order_item_id") REFERENCES "order_items"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_payment_items_payment_id" ON "payment_items" ("payment_id")`);
    await queryRunner.query(`CREATE INDEX "ix_payment_items_order_item_id" ON "payment_items" ("order_item_id")`);
  }
}
