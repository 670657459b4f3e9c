import { MigrationInterface, QueryRunner } from 'typeorm';

const EARLIER_EVENTS = [
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
  'task.created',
  'task.updated',
  'task.deleted',
  'contract.created',
  'contract.updated',
  'contract.deleted',
];
const TIME_EVENTS = [
  'time_entry.created',
  'time_entry.updated',
  'time_entry.deleted',
  'time_request.created',
  'time_request.approved',
  'time_request.rejected',
  'timesheet.submitted',
  'timesheet.unsubmitted',
  'timesheet.approved',
  'timesheet.rejected',
];

const eventCheck = (types: string[]): string =>
  `ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_type_ck" CHECK ("type" IN (${types.map((type) => `'${type}'`).join(', ')}))`;

/**
 * Time entries (one running tracker per user, no overlaps), timesheets, time requests, the workspace's
 * time-request auto-approval setting, and the outbox's time event names (kept equal to EVENT_TYPES;
 * TypeORM does not diff check expressions, test/events.e2e-spec.ts compares them).
 */
export class TimeLedger1796340000001 implements MigrationInterface {
  name = 'TimeLedger1796340000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_type_ck"`);
    await queryRunner.query(eventCheck([...EARLIER_EVENTS, ...TIME_EVENTS]));
    await queryRunner.query(`
            CREATE TABLE "time_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "contract_id" integer,
                "project_id" integer,
                "task_id" integer,
                "activity_description" character varying(1000),
                "method" character varying(32) NOT NULL,
                "start_time" TIMESTAMP WITH TIME ZONE NOT NULL,
                "end_time" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "time_entries_task_needs_contract_ck" CHECK (
                    "task_id" IS NULL
                    OR "contract_id" IS NOT NULL
                ),
                CONSTRAINT "time_entries_method_ck" CHECK (
                    "method" IN (
                        'Desktop tracker',
                        'Mobile tracker',
                        'Manually added time',
                        'Extension tracker',
                        'Web tracker',
                        'Idle time',
                        'Paid leave',
                        'Break',
                        'Paid holiday'
                    )
                ),
                CONSTRAINT "time_entries_range_ck" CHECK (
                    "end_time" IS NULL
                    OR "end_time" > "start_time"
                ),
                CONSTRAINT "time_entries_no_overlap_ex" EXCLUDE USING gist (
                    int4range("workspace_id", "workspace_id", '[]') WITH &&,
                    int4range("user_id", "user_id", '[]') WITH &&,
                    tstzrange("start_time", "end_time", '[)') WITH &&
                ),
                CONSTRAINT "PK_b8bc5f10269ba2fe88708904aa0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "time_entries_task_idx" ON "time_entries" ("task_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "time_entries_project_idx" ON "time_entries" ("project_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "time_entries_contract_idx" ON "time_entries" ("contract_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "time_entries_workspace_time_idx" ON "time_entries" ("workspace_id", "start_time")
        `);
    await queryRunner.query(`
            CREATE INDEX "time_entries_member_time_idx" ON "time_entries" (
                "workspace_id",
                "user_id",
                "start_time",
                "end_time",
                "contract_id",
                "project_id"
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "time_entries_one_running_per_user_uq" ON "time_entries" ("user_id")
            WHERE "end_time" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "time_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "contract_id" integer,
                "project_id" integer,
                "task_id" integer,
                "start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "end" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "activity_description" character varying(1000),
                "comment" character varying(1000),
                "created_by" integer,
                "updated_by" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "time_requests_task_needs_contract_ck" CHECK (
                    "task_id" IS NULL
                    OR "contract_id" IS NOT NULL
                ),
                CONSTRAINT "time_requests_range_ck" CHECK (
                    "end" > "start"
                    AND "end" - "start" <= interval '24 hours'
                ),
                CONSTRAINT "time_requests_status_ck" CHECK ("status" IN ('pending', 'approved', 'rejected')),
                CONSTRAINT "PK_e0979205cc61b872da3b0c0f973" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "time_requests_workspace_project_start_idx" ON "time_requests" ("workspace_id", "project_id", "start")
        `);
    await queryRunner.query(`
            CREATE INDEX "time_requests_workspace_user_start_idx" ON "time_requests" ("workspace_id", "user_id", "start")
        `);
    await queryRunner.query(`
            CREATE INDEX "time_requests_workspace_start_idx" ON "time_requests" ("workspace_id", "start")
        `);
    await queryRunner.query(`
            CREATE TABLE "timesheets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "date_from" date NOT NULL,
                "date_to" date NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "submitted_on" TIMESTAMP WITH TIME ZONE,
                "reject_reason" character varying(1000),
                "decided_by" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "timesheets_period_ck" CHECK ("date_to" >= "date_from"),
                CONSTRAINT "timesheets_status_ck" CHECK (
                    "status" IN ('pending', 'submitted', 'approved', 'rejected')
                ),
                CONSTRAINT "PK_1dc280b68c9353ecce41a34be71" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "timesheets_workspace_period_idx" ON "timesheets" ("workspace_id", "date_from", "date_to")
        `);
    await queryRunner.query(`
            CREATE INDEX "timesheets_workspace_status_idx" ON "timesheets" ("workspace_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "timesheets_workspace_created_idx" ON "timesheets" ("workspace_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "timesheets_member_period_uq" ON "timesheets" ("workspace_id", "user_id", "date_from")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "workspaces"
            ADD "time_request_auto_approve" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries"
            ADD CONSTRAINT "time_entries_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries"
            ADD CONSTRAINT "time_entries_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries"
            ADD CONSTRAINT "time_entries_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries"
            ADD CONSTRAINT "time_entries_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries"
            ADD CONSTRAINT "time_entries_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests"
            ADD CONSTRAINT "time_requests_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests"
            ADD CONSTRAINT "time_requests_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests"
            ADD CONSTRAINT "time_requests_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests"
            ADD CONSTRAINT "time_requests_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests"
            ADD CONSTRAINT "time_requests_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "timesheets"
            ADD CONSTRAINT "timesheets_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "timesheets"
            ADD CONSTRAINT "timesheets_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "outbox_events" WHERE "type" IN (${TIME_EVENTS.map((type) => `'${type}'`).join(', ')})`);
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_type_ck"`);
    await queryRunner.query(eventCheck(EARLIER_EVENTS));
    await queryRunner.query(`
            ALTER TABLE "timesheets" DROP CONSTRAINT "timesheets_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "timesheets" DROP CONSTRAINT "timesheets_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests" DROP CONSTRAINT "time_requests_task_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests" DROP CONSTRAINT "time_requests_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests" DROP CONSTRAINT "time_requests_contract_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests" DROP CONSTRAINT "time_requests_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_requests" DROP CONSTRAINT "time_requests_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_task_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_contract_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "workspaces" DROP COLUMN "time_request_auto_approve"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."timesheets_member_period_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."timesheets_workspace_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."timesheets_workspace_status_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."timesheets_workspace_period_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "timesheets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_requests_workspace_start_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_requests_workspace_user_start_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_requests_workspace_project_start_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "time_requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_entries_one_running_per_user_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_entries_member_time_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_entries_workspace_time_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_entries_contract_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_entries_project_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."time_entries_task_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "time_entries"
        `);
  }
}
