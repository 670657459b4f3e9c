import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractsApi1796320000001 implements MigrationInterface {
  name = 'ContractsApi1796320000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ALTER COLUMN "weekly_hours_limit"
            SET DEFAULT '168'
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ALTER COLUMN "screenshots"
            SET DEFAULT 'full'
        `);
    await queryRunner.query(`
            CREATE INDEX "contracts_workspace_live_idx" ON "contracts" ("workspace_id", "id")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_screenshots_ck" CHECK (
                    "screenshots" IS NULL
                    OR "screenshots" IN (
                        'full',
                        'blurred',
                        'no_preview',
                        'no_screenshot',
                        'background_blurred',
                        'video_full',
                        'video_blurred',
                        'video_full_silent',
                        'video_blurred_silent'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_weekly_hours_limit_ck" CHECK (
                    "weekly_hours_limit" IS NULL
                    OR "weekly_hours_limit" BETWEEN 0 AND 168
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_rate_ck" CHECK (
                    "rate" IS NULL
                    OR "rate" >= 0
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_rate_ck"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_weekly_hours_limit_ck"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_screenshots_ck"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contracts_workspace_live_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ALTER COLUMN "screenshots" DROP DEFAULT
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ALTER COLUMN "weekly_hours_limit" DROP DEFAULT
        `);
  }
}
