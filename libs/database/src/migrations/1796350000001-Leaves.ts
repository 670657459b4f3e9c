import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leaves (leaves.md): policies (integer ids, a unit that cannot change: the trigger below, TypeORM does not
 * model triggers), their member assignments, and leave requests. Overlapping pending/approved requests of one
 * member are refused by an exclusion constraint over the date range and the minutes of the day they occupy
 * (leave-kinds.ts LEAVE_NO_OVERLAP_SQL); gist over int4range(id, id) stands in for btree_gist equality, as in
 * time_entries, so no extension is needed.
 */
export class Leaves1796350000001 implements MigrationInterface {
  name = 'Leaves1796350000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "leave_policies" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "name" character varying(255) NOT NULL,
                "time_unit" character varying(8) NOT NULL,
                "hours_per_day" numeric(5, 2) NOT NULL DEFAULT '8',
                "duration" numeric(10, 2) NOT NULL,
                "is_paid" boolean NOT NULL DEFAULT true,
                "allow_negative_balance" boolean NOT NULL DEFAULT false,
                "reason_required" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "leave_policies_duration_ck" CHECK ("duration" >= 0),
                CONSTRAINT "leave_policies_hours_per_day_ck" CHECK (
                    "hours_per_day" > 0
                    AND "hours_per_day" <= 24
                ),
                CONSTRAINT "leave_policies_time_unit_ck" CHECK ("time_unit" IN ('days', 'hours')),
                CONSTRAINT "PK_7d3b46bd2974cbb56e3831f3f34" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_policies_workspace_paid_idx" ON "leave_policies" ("workspace_id", "is_paid")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "leave_policies_workspace_name_uq" ON "leave_policies" ("workspace_id", "name")
        `);
    await queryRunner.query(`
            CREATE FUNCTION "leave_policies_time_unit_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."time_unit" IS DISTINCT FROM OLD."time_unit" THEN
                    RAISE EXCEPTION 'leave_policies.time_unit cannot change after creation' USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "leave_policies_time_unit_immutable_tg" BEFORE UPDATE OF "time_unit" ON "leave_policies"
            FOR EACH ROW EXECUTE FUNCTION "leave_policies_time_unit_immutable"()
        `);
    await queryRunner.query(`
            CREATE TABLE "leave_policy_assignments" (
                "policy_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_44016bbc5607fd03984826761f6" PRIMARY KEY ("policy_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_policy_assignments_user_idx" ON "leave_policy_assignments" ("user_id", "policy_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "leave_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "policy_id" integer NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "note" character varying(1000),
                "start_date" date NOT NULL,
                "end_date" date NOT NULL,
                "leave_period" smallint NOT NULL DEFAULT '0',
                "start_time" TIME,
                "end_time" TIME,
                "hours_per_day" numeric(5, 2) NOT NULL,
                "total_days" numeric(12, 3) NOT NULL,
                "total_hours" numeric(12, 3) NOT NULL,
                "time_zone" character varying(64) NOT NULL DEFAULT 'UTC',
                "created_by" integer,
                "approved_by" integer,
                "rejected_by" integer,
                "reject_reason" character varying(1000),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "leave_requests_rejected_ck" CHECK (
                    "status" <> 'rejected'
                    OR (
                        "rejected_by" IS NOT NULL
                        AND "reject_reason" IS NOT NULL
                    )
                ),
                CONSTRAINT "leave_requests_totals_ck" CHECK (
                    "total_days" >= 0
                    AND "total_hours" >= 0
                ),
                CONSTRAINT "leave_requests_hours_per_day_ck" CHECK (
                    "hours_per_day" > 0
                    AND "hours_per_day" <= 24
                ),
                CONSTRAINT "leave_requests_time_window_ck" CHECK (
                    ("start_time" IS NULL) = ("end_time" IS NULL)
                    AND (
                        "start_time" IS NULL
                        OR (
                            "end_time" > "start_time"
                            AND "leave_period" = 0
                        )
                    )
                ),
                CONSTRAINT "leave_requests_range_ck" CHECK ("end_date" >= "start_date"),
                CONSTRAINT "leave_requests_leave_period_ck" CHECK ("leave_period" IN (0, 1, 2)),
                CONSTRAINT "leave_requests_status_ck" CHECK ("status" IN ('pending', 'approved', 'rejected')),
                CONSTRAINT "leave_requests_no_overlap_ex" EXCLUDE USING gist (
                    int4range("workspace_id", "workspace_id", '[]') WITH &&,
                    int4range("user_id", "user_id", '[]') WITH &&,
                    daterange("start_date", "end_date", '[]') WITH &&,
                    int4range(
                        CASE
                            WHEN "start_time" IS NOT NULL THEN (
                                EXTRACT(
                                    EPOCH
                                    FROM "start_time"
                                ) / 60
                            )::integer
                            WHEN "leave_period" = 2 THEN 720
                            ELSE 0
                        END,
                        CASE
                            WHEN "end_time" IS NOT NULL THEN (
                                EXTRACT(
                                    EPOCH
                                    FROM "end_time"
                                ) / 60
                            )::integer
                            WHEN "leave_period" = 1 THEN 720
                            ELSE 1440
                        END,
                        '[)'
                    ) WITH &&
                )
                WHERE ("status" IN ('pending', 'approved')),
                    CONSTRAINT "PK_d3abcf9a16cef1450129e06fa9f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_requests_approved_usage_idx" ON "leave_requests" ("user_id", "policy_id", "start_date", "end_date")
            WHERE "status" = 'approved'
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_requests_policy_idx" ON "leave_requests" ("policy_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_requests_workspace_dates_idx" ON "leave_requests" ("workspace_id", "start_date", "end_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_requests_workspace_status_created_idx" ON "leave_requests" ("workspace_id", "status", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_requests_workspace_policy_created_idx" ON "leave_requests" ("workspace_id", "policy_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_requests_workspace_user_created_idx" ON "leave_requests" ("workspace_id", "user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "leave_requests_workspace_created_idx" ON "leave_requests" ("workspace_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_policies"
            ADD CONSTRAINT "leave_policies_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_policy_assignments"
            ADD CONSTRAINT "leave_policy_assignments_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "leave_policies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_policy_assignments"
            ADD CONSTRAINT "leave_policy_assignments_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_requests"
            ADD CONSTRAINT "leave_requests_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_requests"
            ADD CONSTRAINT "leave_requests_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_requests"
            ADD CONSTRAINT "leave_requests_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "leave_policies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "leave_requests" DROP CONSTRAINT "leave_requests_policy_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_requests" DROP CONSTRAINT "leave_requests_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_requests" DROP CONSTRAINT "leave_requests_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_policy_assignments" DROP CONSTRAINT "leave_policy_assignments_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_policy_assignments" DROP CONSTRAINT "leave_policy_assignments_policy_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "leave_policies" DROP CONSTRAINT "leave_policies_workspace_id_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_requests_workspace_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_requests_workspace_user_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_requests_workspace_policy_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_requests_workspace_status_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_requests_workspace_dates_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_requests_policy_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_requests_approved_usage_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "leave_requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_policy_assignments_user_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "leave_policy_assignments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_policies_workspace_name_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."leave_policies_workspace_paid_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "leave_policies"
        `);
    await queryRunner.query(`
            DROP FUNCTION "leave_policies_time_unit_immutable"()
        `);
  }
}
