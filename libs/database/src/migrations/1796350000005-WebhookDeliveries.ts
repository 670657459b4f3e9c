import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook messages (one per outbox event and subscribed webhook) and their attempts. The outbox already has
 * `dispatched_at`, which the dispatcher sets once it has fanned an event out; nothing is added to it.
 */
export class WebhookDeliveries1796350000005 implements MigrationInterface {
  name = 'WebhookDeliveries1796350000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" (
                "id" character varying(36) NOT NULL,
                "event_id" bigint NOT NULL,
                "webhook_id" character varying(32) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempt_count" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "lease_expires_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "webhook_deliveries_event_webhook_uq" UNIQUE ("event_id", "webhook_id"),
                CONSTRAINT "webhook_deliveries_id_ck" CHECK ("id" ~ '^msg_[A-Za-z0-9]{22,32}$'),
                CONSTRAINT "webhook_deliveries_status_ck" CHECK (
                    "status" IN ('pending', 'succeeded', 'failed', 'dropped')
                ),
                CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_pending_due_idx" ON "webhook_deliveries" ("next_attempt_at")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_deliveries_webhook_created_idx" ON "webhook_deliveries" ("webhook_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_delivery_attempts" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "delivery_id" character varying(36) NOT NULL,
                "number" integer NOT NULL,
                "trigger" character varying(16) NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "latency_ms" integer,
                "response_status" smallint,
                "error" text,
                "response_body" text,
                CONSTRAINT "webhook_delivery_attempts_number_uq" UNIQUE ("delivery_id", "number"),
                CONSTRAINT "webhook_delivery_attempts_status_ck" CHECK (
                    "response_status" IS NULL
                    OR "response_status" BETWEEN 100 AND 599
                ),
                CONSTRAINT "webhook_delivery_attempts_trigger_ck" CHECK ("trigger" IN ('scheduled', 'redeliver')),
                CONSTRAINT "PK_59ef9124585b56c18b98548a0c6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "webhook_deliveries_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries"
            ADD CONSTRAINT "webhook_deliveries_webhook_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_delivery_attempts"
            ADD CONSTRAINT "webhook_delivery_attempts_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhook_delivery_attempts" DROP CONSTRAINT "webhook_delivery_attempts_delivery_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_webhook_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_event_id_fk"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_delivery_attempts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_webhook_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_deliveries_pending_due_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_deliveries"
        `);
  }
}
