import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1796350000003 implements MigrationInterface {
  name = 'Reports1796350000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "work_schedules" (
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "weekday" smallint NOT NULL,
                "start_time" TIME NOT NULL,
                "end_time" TIME NOT NULL,
                "required_minutes" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "work_schedules_required_ck" CHECK (
                    "required_minutes" BETWEEN 0 AND 1440
                ),
                CONSTRAINT "work_schedules_hours_ck" CHECK ("end_time" > "start_time"),
                CONSTRAINT "work_schedules_weekday_ck" CHECK (
                    "weekday" BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_8f123bc945852bfb667b7337819" PRIMARY KEY ("workspace_id", "user_id", "weekday")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries"
            ADD "activity_level" smallint
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries"
            ADD CONSTRAINT "time_entries_activity_level_ck" CHECK (
                    "activity_level" IS NULL
                    OR "activity_level" BETWEEN 0 AND 100
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "work_schedules"
            ADD CONSTRAINT "work_schedules_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "work_schedules"
            ADD CONSTRAINT "work_schedules_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "work_schedules" DROP CONSTRAINT "work_schedules_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "work_schedules" DROP CONSTRAINT "work_schedules_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_activity_level_ck"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_entries" DROP COLUMN "activity_level"
        `);
    await queryRunner.query(`
            DROP TABLE "work_schedules"
        `);
  }
}
