import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `catalog_state.version`: a number that every committed change to what movie lists show moves
 * on, whoever makes it (the API, the seed command, a migration, plain SQL). The page cache of
 * movie lists (`MoviePageCache`) keeps a page's ids with the version its statement saw, and
 * serves them only while the version is still the same.
 *
 * The version is moved on by deferred constraint triggers, so at commit time, once per
 * transaction: a transaction holds the version's row lock only for the instant of its commit,
 * after every other lock it takes, so catalog writers never deadlock on it (an immediate trigger
 * would hold it from the first write to the commit, and two writers that also wait for each
 * other's new genre would deadlock). Constraint triggers are row-level; each transaction's first
 * row bumps, the others only read a transaction-local setting. A new genre, star, director or
 * certification is in no list until a movie links it, so only renames and deletes of those count.
 * TRUNCATE has no row triggers: a plain statement trigger covers it.
 */
const ROW_TRIGGERS: ReadonlyArray<readonly [table: string, events: string]> = [
  ['movies', 'INSERT OR UPDATE OR DELETE'],
  ['movies_genres', 'INSERT OR UPDATE OR DELETE'],
  ['movies_stars', 'INSERT OR UPDATE OR DELETE'],
  ['movies_directors', 'INSERT OR UPDATE OR DELETE'],
  ['genres', 'UPDATE OR DELETE'],
  ['stars', 'UPDATE OR DELETE'],
  ['directors', 'UPDATE OR DELETE'],
  ['certifications', 'UPDATE OR DELETE'],
];

export class CatalogVersion1795300700000 implements MigrationInterface {
  name = 'CatalogVersion1795300700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "catalog_state" (
        "id" smallint PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
        "version" bigint NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`INSERT INTO "catalog_state" ("id", "version") VALUES (1, 1)`);
    await queryRunner.query(`
      CREATE FUNCTION "catalog_version_bump_once"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(current_setting('cinema.catalog_version_bumped', true), '') = '' THEN
          PERFORM set_config('cinema.catalog_version_bumped', 'yes', true);
          UPDATE "catalog_state" SET "version" = "version" + 1 WHERE "id" = 1;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION "catalog_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "catalog_state" SET "version" = "version" + 1 WHERE "id" = 1;
        RETURN NULL;
      END $$`);
    for (const [table, events] of ROW_TRIGGERS) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "tr_${table}_catalog_version" AFTER ${events} ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "catalog_version_bump_once"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_catalog_version_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "catalog_version_bump"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of ROW_TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "tr_${table}_catalog_version_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "tr_${table}_catalog_version" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "catalog_version_bump"()`);
    await queryRunner.query(`DROP FUNCTION "catalog_version_bump_once"()`);
    await queryRunner.query(`DROP TABLE "catalog_state"`);
  }
}
