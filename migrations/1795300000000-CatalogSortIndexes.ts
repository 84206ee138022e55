import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * One btree per sort key of `GET /movies/` (CONTRACT.md C.1), each ending in `id`, the list's
 * final tie-breaker: a page in any single-key order, first or deep, and a range filter on that
 * key, are index scans instead of a sort of the whole catalog. `name` sorts case-insensitively,
 * hence the expression index.
 */
export class CatalogSortIndexes1795300000000 implements MigrationInterface {
  name = 'CatalogSortIndexes1795300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_movies_name_lower_id" ON "movies" (lower("name"), "id")`);
    for (const column of ['year', 'imdb', 'price', 'votes', 'created_at']) {
      await queryRunner.query(`CREATE INDEX "ix_movies_${column}_id" ON "movies" ("${column}", "id")`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['created_at', 'votes', 'price', 'imdb', 'year']) {
      await queryRunner.query(`DROP INDEX "public"."ix_movies_${column}_id"`);
    }
    await queryRunner.query(`DROP INDEX "public"."ix_movies_name_lower_id"`);
  }
}
