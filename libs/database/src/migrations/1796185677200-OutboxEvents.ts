import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxEvents1796185677200 implements MigrationInterface {
  name = 'OutboxEvents1796185677200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "outbox_events" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "type" character varying(32) NOT NULL,
                "payload" jsonb NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "outbox_events_type_ck" CHECK (
                    "type" IN (
                        'tracker.started',
                        'tracker.stopped',
                        'member.invited',
                        'member.activated',
                        'member.updated',
                        'member.archived',
                        'member.deleted',
                        'project.created',
                        'project.updated',
                        'project.deleted'
                    )
                ),
                CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_events_undispatched_idx" ON "outbox_events" ("occurred_at")
            WHERE "dispatched_at" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "outbox_events"
            ADD CONSTRAINT "outbox_events_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_workspace_id_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_events_undispatched_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox_events"
        `);
  }
}
