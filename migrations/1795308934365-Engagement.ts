import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Engagement and notifications (CONTRACT.md C.3, C.4): reactions, ratings and favorites (one per
 * user and movie, their primary keys), comments with replies and likes, and notifications.
 * Generated from the entities. `ix_movie_ratings_movie_id_score` makes a movie's average an
 * index-only scan.
 */
export class Engagement1795308934365 implements MigrationInterface {
    name = 'Engagement1795308934365'

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
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
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
