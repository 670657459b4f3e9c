import { MigrationInterface, QueryRunner } from 'typeorm';
// A migration's SQL never changes once released: the lists are literal (test/events.e2e-spec.ts checks the
// constraint the last migration leaves against EVENT_TYPES).
const WEBHOOK_EVENTS = [
  'tracker.started',
  'tracker.stopped',
  'member.invited',
  'member.activated',
  'member.updated',
  'member.archived',
  'member.deleted',
  'project.created',
  'project.updated',
  'project.deleted',
];
const TASK_EVENTS = ['task.created', 'task.updated', 'task.deleted'];

const eventTypeCheck = (types: readonly string[]): string =>
  `ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_type_ck" CHECK ("type" IN (${types.map((type) => `'${type}'`).join(', ')}))`;

export class Tasks1796310000001 implements MigrationInterface {
  name = 'Tasks1796310000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_type_ck"`);
    await queryRunner.query(eventTypeCheck([...WEBHOOK_EVENTS, ...TASK_EVENTS]));
    await queryRunner.query(`
            CREATE TABLE "tasks" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "project_id" integer NOT NULL,
                "parent_id" integer,
                "creator_id" integer NOT NULL,
                "title" character varying(255) NOT NULL,
                "description" text,
                "status" smallint NOT NULL DEFAULT '0',
                "priority" smallint,
                "start_date" date,
                "end_date" date,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "tasks_not_own_parent_ck" CHECK (
                    "parent_id" IS NULL
                    OR "parent_id" <> "id"
                ),
                CONSTRAINT "tasks_end_after_start_ck" CHECK (
                    "end_date" IS NULL
                    OR "start_date" IS NULL
                    OR "end_date" >= "start_date"
                ),
                CONSTRAINT "tasks_priority_ck" CHECK (
                    "priority" IS NULL
                    OR "priority" IN (10, 20, 30, 40)
                ),
                CONSTRAINT "tasks_status_ck" CHECK ("status" >= 0),
                CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "tasks_creator_id_idx" ON "tasks" ("creator_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "tasks_workspace_id_idx" ON "tasks" ("workspace_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "tasks_parent_live_idx" ON "tasks" ("parent_id", "id")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "tasks_project_priority_live_idx" ON "tasks" ("project_id", "priority", "id")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "tasks_project_status_live_idx" ON "tasks" ("project_id", "status", "id")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "tasks_project_live_idx" ON "tasks" ("project_id", "id")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "task_assignees" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "task_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e23bc1438f7bb32f41e8d493e78" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "task_assignees_user_id_idx" ON "task_assignees" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "task_assignees_task_user_uq" ON "task_assignees" ("task_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "task_statuses" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "project_id" integer,
                "code" smallint NOT NULL,
                "name" character varying(64) NOT NULL,
                "color" character varying(7),
                CONSTRAINT "task_statuses_color_ck" CHECK (
                    "color" IS NULL
                    OR "color" ~ '^#[0-9A-Fa-f]{6}$'
                ),
                CONSTRAINT "task_statuses_code_ck" CHECK (
                    "code" >= 0
                    AND "code" NOT IN (0, 10, 20, 30)
                ),
                CONSTRAINT "PK_28fe920c04b1baa795d82773739" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "task_statuses_workspace_code_uq" ON "task_statuses" ("workspace_id", "code")
            WHERE "project_id" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "task_statuses_project_code_uq" ON "task_statuses" ("project_id", "code")
            WHERE "project_id" IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "tasks_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "tasks_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "tasks_parent_id_fk" FOREIGN KEY ("parent_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks"
            ADD CONSTRAINT "tasks_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_assignees"
            ADD CONSTRAINT "task_assignees_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_assignees"
            ADD CONSTRAINT "task_assignees_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_statuses"
            ADD CONSTRAINT "task_statuses_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "task_statuses"
            ADD CONSTRAINT "task_statuses_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox_events" WHERE "type" LIKE 'task.%'`);
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_type_ck"`);
    await queryRunner.query(eventTypeCheck(WEBHOOK_EVENTS));
    await queryRunner.query(`
            ALTER TABLE "task_statuses" DROP CONSTRAINT "task_statuses_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_statuses" DROP CONSTRAINT "task_statuses_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_assignees" DROP CONSTRAINT "task_assignees_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "task_assignees" DROP CONSTRAINT "task_assignees_task_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "tasks_creator_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "tasks_parent_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "tasks_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "tasks" DROP CONSTRAINT "tasks_workspace_id_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."task_statuses_project_code_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."task_statuses_workspace_code_uq"
        `);
    await queryRunner.query(`
            DROP TABLE "task_statuses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."task_assignees_task_user_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."task_assignees_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "task_assignees"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tasks_project_live_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tasks_project_status_live_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tasks_project_priority_live_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tasks_parent_live_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tasks_workspace_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tasks_creator_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "tasks"
        `);
  }
}
