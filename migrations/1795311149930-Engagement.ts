import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Engagement and notifications (CONTRACT.md C.3, C.4): reactions, ratings and favorites (one per
 * user and movie, their primary keys), comments with replies and likes, notifications, and
 * `movie_stats`, each movie's totals. Generated from the entities, then completed by hand below
 * `STATS_UP`: the rating order's index, the stats rows of the movies there are, and the triggers
 * that keep the totals.
 */
const STATS_UP = [
  // The two orders of `sort=rating`, unrated movies last in both (a backward scan of the one
  // would put them first).
  `CREATE INDEX "ix_movie_stats_rating" ON "movie_stats" ("rating_average" DESC NULLS LAST, "movie_id" DESC)`,
  `CREATE INDEX "ix_movie_stats_rating_asc" ON "movie_stats" ("rating_average" ASC NULLS LAST, "movie_id" ASC)`,
  `INSERT INTO "movie_stats" ("movie_id") SELECT "id" FROM "movies"`,
  // Every new movie gets its row, one statement for a whole batch (the seed inserts thousands).
  `CREATE FUNCTION "movie_stats_add_movies"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO "movie_stats" ("movie_id") SELECT "id" FROM "added_movies" ON CONFLICT DO NOTHING;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER "tr_movies_stats" AFTER INSERT ON "movies" REFERENCING NEW TABLE AS "added_movies"
   FOR EACH STATEMENT EXECUTE FUNCTION "movie_stats_add_movies"()`,
  // A reaction added, switched or removed moves the counts by the difference, in its transaction,
  // one UPDATE per movie touched; the stats row's lock orders concurrent reactions to one movie.
  `CREATE FUNCTION "movie_stats_count_reaction"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND OLD."movie_id" = NEW."movie_id" THEN
       UPDATE "movie_stats"
          SET "likes" = "likes" - (OLD."reaction" = 'like')::int + (NEW."reaction" = 'like')::int,
              "dislikes" = "dislikes" - (OLD."reaction" = 'dislike')::int + (NEW."reaction" = 'dislike')::int
        WHERE "movie_id" = NEW."movie_id";
       RETURN NULL;
     END IF;
     IF TG_OP IN ('UPDATE', 'DELETE') THEN
       UPDATE "movie_stats" SET "likes" = "likes" - (OLD."reaction" = 'like')::int, "dislikes" = "dislikes" - (OLD."reaction" = 'dislike')::int
        WHERE "movie_id" = OLD."movie_id";
     END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN
       UPDATE "movie_stats" SET "likes" = "likes" + (NEW."reaction" = 'like')::int, "dislikes" = "dislikes" + (NEW."reaction" = 'dislike')::int
        WHERE "movie_id" = NEW."movie_id";
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER "tr_movie_reactions_stats" AFTER INSERT OR UPDATE OR DELETE ON "movie_reactions"
   FOR EACH ROW EXECUTE FUNCTION "movie_stats_count_reaction"()`,
  // Ratings likewise; the average is worked out in the same UPDATE (SET expressions see the row as
  // it was), so a rating rewrites its stats row once.
  `CREATE FUNCTION "movie_stats_count_rating"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'UPDATE' AND OLD."movie_id" = NEW."movie_id" THEN
       UPDATE "movie_stats"
          SET "rating_sum" = "rating_sum" - OLD."score" + NEW."score",
              "rating_average" = round(("rating_sum" - OLD."score" + NEW."score")::numeric / nullif("rating_count", 0), 2)
        WHERE "movie_id" = NEW."movie_id";
       RETURN NULL;
     END IF;
     IF TG_OP IN ('UPDATE', 'DELETE') THEN
       UPDATE "movie_stats"
          SET "rating_count" = "rating_count" - 1, "rating_sum" = "rating_sum" - OLD."score",
              "rating_average" = round(("rating_sum" - OLD."score")::numeric / nullif("rating_count" - 1, 0), 2)
        WHERE "movie_id" = OLD."movie_id";
     END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN
       UPDATE "movie_stats"
          SET "rating_count" = "rating_count" + 1, "rating_sum" = "rating_sum" + NEW."score",
              "rating_average" = round(("rating_sum" + NEW."score")::numeric / ("rating_count" + 1), 2)
        WHERE "movie_id" = NEW."movie_id";
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER "tr_movie_ratings_stats" AFTER INSERT OR UPDATE OR DELETE ON "movie_ratings"
   FOR EACH ROW EXECUTE FUNCTION "movie_stats_count_rating"()`,
  // TRUNCATE fires no row trigger: it empties the totals it takes away.
  `CREATE FUNCTION "movie_stats_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_TABLE_NAME = 'movie_reactions' THEN
       UPDATE "movie_stats" SET "likes" = 0, "dislikes" = 0 WHERE "likes" <> 0 OR "dislikes" <> 0;
     ELSE
       UPDATE "movie_stats" SET "rating_count" = 0, "rating_sum" = 0, "rating_average" = NULL WHERE "rating_count" <> 0;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER "tr_movie_reactions_stats_truncate" AFTER TRUNCATE ON "movie_reactions" FOR EACH STATEMENT EXECUTE FUNCTION "movie_stats_reset"()`,
  `CREATE TRIGGER "tr_movie_ratings_stats_truncate" AFTER TRUNCATE ON "movie_ratings" FOR EACH STATEMENT EXECUTE FUNCTION "movie_stats_reset"()`,
];

const STATS_DOWN = [
  `DROP TRIGGER "tr_movie_ratings_stats_truncate" ON "movie_ratings"`,
  `DROP TRIGGER "tr_movie_reactions_stats_truncate" ON "movie_reactions"`,
  `DROP FUNCTION "movie_stats_reset"()`,
  `DROP TRIGGER "tr_movie_ratings_stats" ON "movie_ratings"`,
  `DROP TRIGGER "tr_movie_reactions_stats" ON "movie_reactions"`,
  `DROP TRIGGER "tr_movies_stats" ON "movies"`,
  `DROP FUNCTION "movie_stats_count_rating"()`,
  `DROP FUNCTION "movie_stats_count_reaction"()`,
  `DROP FUNCTION "movie_stats_add_movies"()`,
  `DROP INDEX "public"."ix_movie_stats_rating_asc"`,
  `DROP INDEX "public"."ix_movie_stats_rating"`,
];

export class Engagement1795311149930 implements MigrationInterface {
    name = 'Engagement1795311149930'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "comments" (
                "id" SERIAL NOT NULL,
                "movie_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "parent_id" integer,
                "text" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_comments_user_id" ON "comments" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_comments_parent_id" ON "comments" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_comments_movie_id_parent_id_created_at" ON "comments" ("movie_id", "parent_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "comment_likes" (
                "user_id" integer NOT NULL,
                "comment_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "comment_likes_pkey" PRIMARY KEY ("user_id", "comment_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_comment_likes_comment_id" ON "comment_likes" ("comment_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "favorites" (
                "user_id" integer NOT NULL,
                "movie_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "favorites_pkey" PRIMARY KEY ("user_id", "movie_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_favorites_movie_id" ON "favorites" ("movie_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "movie_ratings" (
                "user_id" integer NOT NULL,
                "movie_id" integer NOT NULL,
                "score" smallint NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_movie_ratings_score" CHECK (
                    "score" BETWEEN 1 AND 10
                ),
                CONSTRAINT "movie_ratings_pkey" PRIMARY KEY ("user_id", "movie_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_movie_ratings_movie_id_score" ON "movie_ratings" ("movie_id", "score")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."reactionenum" AS ENUM('like', 'dislike')
        `);
        await queryRunner.query(`
            CREATE TABLE "movie_reactions" (
                "user_id" integer NOT NULL,
                "movie_id" integer NOT NULL,
                "reaction" "public"."reactionenum" NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "movie_reactions_pkey" PRIMARY KEY ("user_id", "movie_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_movie_reactions_movie_id_reaction" ON "movie_reactions" ("movie_id", "reaction")
        `);
        await queryRunner.query(`
            CREATE TABLE "movie_stats" (
                "movie_id" integer NOT NULL,
                "likes" integer NOT NULL DEFAULT '0',
                "dislikes" integer NOT NULL DEFAULT '0',
                "rating_count" integer NOT NULL DEFAULT '0',
                "rating_sum" integer NOT NULL DEFAULT '0',
                "rating_average" numeric(4, 2),
                CONSTRAINT "movie_stats_pkey" PRIMARY KEY ("movie_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" SERIAL NOT NULL,
                "user_id" integer NOT NULL,
                "type" character varying(32) NOT NULL,
                "message" text NOT NULL,
                "actor_id" integer,
                "movie_id" integer,
                "comment_id" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_actor_id" ON "notifications" ("actor_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_movie_id" ON "notifications" ("movie_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_comment_id" ON "notifications" ("comment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_user_id_created_at" ON "notifications" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD CONSTRAINT "comments_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD CONSTRAINT "comments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comments"
            ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_likes"
            ADD CONSTRAINT "comment_likes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_likes"
            ADD CONSTRAINT "comment_likes_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "favorites"
            ADD CONSTRAINT "favorites_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "favorites"
            ADD CONSTRAINT "favorites_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_ratings"
            ADD CONSTRAINT "movie_ratings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_ratings"
            ADD CONSTRAINT "movie_ratings_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_reactions"
            ADD CONSTRAINT "movie_reactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_reactions"
            ADD CONSTRAINT "movie_reactions_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_stats"
            ADD CONSTRAINT "movie_stats_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "notifications_movie_id_fkey" FOREIGN KEY ("movie_id") REFERENCES "movies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "notifications_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        for (const statement of STATS_UP) await queryRunner.query(statement);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const statement of STATS_DOWN) await queryRunner.query(statement);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "notifications_comment_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "notifications_movie_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "notifications_actor_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "notifications_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_stats" DROP CONSTRAINT "movie_stats_movie_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_reactions" DROP CONSTRAINT "movie_reactions_movie_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_reactions" DROP CONSTRAINT "movie_reactions_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_ratings" DROP CONSTRAINT "movie_ratings_movie_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "movie_ratings" DROP CONSTRAINT "movie_ratings_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "favorites" DROP CONSTRAINT "favorites_movie_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "favorites" DROP CONSTRAINT "favorites_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_likes" DROP CONSTRAINT "comment_likes_comment_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "comment_likes" DROP CONSTRAINT "comment_likes_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "comments" DROP CONSTRAINT "comments_parent_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "comments" DROP CONSTRAINT "comments_user_id_fkey"
        `);
        await queryRunner.query(`
            ALTER TABLE "comments" DROP CONSTRAINT "comments_movie_id_fkey"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user_id_created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_comment_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_movie_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_actor_id"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "movie_stats"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_movie_reactions_movie_id_reaction"
        `);
        await queryRunner.query(`
            DROP TABLE "movie_reactions"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."reactionenum"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_movie_ratings_movie_id_score"
        `);
        await queryRunner.query(`
            DROP TABLE "movie_ratings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_favorites_movie_id"
        `);
        await queryRunner.query(`
            DROP TABLE "favorites"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_comment_likes_comment_id"
        `);
        await queryRunner.query(`
            DROP TABLE "comment_likes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_comments_movie_id_parent_id_created_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_comments_parent_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_comments_user_id"
        `);
        await queryRunner.query(`
            DROP TABLE "comments"
        `);
    }

}
