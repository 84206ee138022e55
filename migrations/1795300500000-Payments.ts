import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Payments done right (CONTRACT.md C.6, B17, B18, B30): one row per checkout session attempt,
 * the webhook events already processed (unique event id), refunds recorded before and after the
 * gateway call with at most one active per payment, and the look-ups the webhook and the order
 * expiry need.
 */
export class Payments1795300500000 implements MigrationInterface {
  name = 'Payments1795300500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."checkoutsessionstatusenum" AS ENUM('CREATING', 'OPEN', 'PROCESSING', 'PAID', 'EXPIRED', 'FAILED')`,
    );
    await queryRunner.query(`
      CREATE TABLE "checkout_sessions" (
        "id" SERIAL NOT NULL,
        "order_id" integer NOT NULL,
        "attempt" integer NOT NULL,
        "external_id" character varying(255),
        "url" text,
        "status" "public"."checkoutsessionstatusenum" NOT NULL DEFAULT 'CREATING',
        "amount" numeric(10, 2) NOT NULL,
        "currency" character varying(3) NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "checkout_sessions_order_id_attempt_key" UNIQUE ("order_id", "attempt"),
        CONSTRAINT "checkout_sessions_external_id_key" UNIQUE ("external_id"),
        CONSTRAINT "checkout_sessions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "checkout_sessions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "payment_events" (
        "event_id" character varying(255) NOT NULL,
        "type" character varying(255) NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "payment_events_pkey" PRIMARY KEY ("event_id")
      )`);

    await queryRunner.query(`CREATE TYPE "public"."refundstatusenum" AS ENUM('PENDING', 'SUCCEEDED', 'FAILED')`);
    await queryRunner.query(`CREATE TYPE "public"."refundreasonenum" AS ENUM('REQUESTED_BY_CUSTOMER', 'ORDER_NOT_PAYABLE', 'EXTERNAL')`);
    await queryRunner.query(`
      CREATE TABLE "refunds" (
        "id" SERIAL NOT NULL,
        "payment_id" integer NOT NULL,
        "amount" numeric(10, 2) NOT NULL,
        "status" "public"."refundstatusenum" NOT NULL DEFAULT 'PENDING',
        "reason" "public"."refundreasonenum" NOT NULL,
        "external_refund_id" character varying(255),
        "failure_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "refunds_external_refund_id_key" UNIQUE ("external_refund_id"),
        CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_refunds_payment_id" ON "refunds" ("payment_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_refunds_payment_id_active" ON "refunds" ("payment_id") WHERE status IN ('PENDING', 'SUCCEEDED')`,
    );
    await queryRunner.query(`CREATE INDEX "ix_refunds_pending_updated_at" ON "refunds" ("updated_at") WHERE status = 'PENDING'`);

    await queryRunner.query(`CREATE INDEX "ix_payments_external_payment_id" ON "payments" ("external_payment_id")`);
    await queryRunner.query(`CREATE INDEX "ix_orders_pending_created_at" ON "orders" ("created_at") WHERE status = 'PENDING'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_orders_pending_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payments_external_payment_id"`);
    await queryRunner.query(`DROP TABLE "refunds"`);
    await queryRunner.query(`DROP TYPE "public"."refundreasonenum"`);
    await queryRunner.query(`DROP TYPE "public"."refundstatusenum"`);
    await queryRunner.query(`DROP TABLE "payment_events"`);
    await queryRunner.query(`DROP TABLE "checkout_sessions"`);
    await queryRunner.query(`DROP TYPE "public"."checkoutsessionstatusenum"`);
  }
}
