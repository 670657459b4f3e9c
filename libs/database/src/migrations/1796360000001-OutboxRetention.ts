import { MigrationInterface, QueryRunner } from 'typeorm';

/** The retention purge reads dispatched events oldest first (WEBHOOK_DELIVERY_RETENTION_DAYS). */
export class OutboxRetention1796360000001 implements MigrationInterface {
  name = 'OutboxRetention1796360000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "outbox_events_dispatched_idx" ON "outbox_events" ("dispatched_at")
            WHERE "dispatched_at" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_events_dispatched_idx"`);
  }
}
