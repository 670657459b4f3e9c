import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks: a workspace's callback URLs, their subscribed events (webhooks.md names only) and sealed signing tokens. */
export class Webhooks1796350000004 implements MigrationInterface {
  name = 'Webhooks1796350000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "webhooks" (
                "id" character varying(32) NOT NULL,
                "workspace_id" integer NOT NULL,
                "url" character varying(2048) NOT NULL,
                "events" character varying(32) array NOT NULL,
                "sealed_token" text NOT NULL,
                "created_by" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "webhooks_id_ck" CHECK ("id" ~ '^[A-Za-z0-9_-]{12,32}$'),
                CONSTRAINT "webhooks_event_names_ck" CHECK (
                    "events" <@ ARRAY ['tracker.started', 'tracker.stopped', 'member.invited', 'member.activated', 'member.updated', 'member.archived', 'member.deleted', 'project.created', 'project.updated', 'project.deleted']::varchar []
                ),
                CONSTRAINT "webhooks_events_ck" CHECK (cardinality("events") >= 1),
                CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "webhooks_workspace_created_idx" ON "webhooks" ("workspace_id", "created_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "webhooks"
            ADD CONSTRAINT "webhooks_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "webhooks"
            ADD CONSTRAINT "webhooks_created_by_fk" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhooks" DROP CONSTRAINT "webhooks_created_by_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhooks" DROP CONSTRAINT "webhooks_workspace_id_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhooks_workspace_created_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "webhooks"
        `);
  }
}
