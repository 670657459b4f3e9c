import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInThrottles1796183923747 implements MigrationInterface {
  name = 'SignInThrottles1796183923747';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sign_in_throttles" (
                "key" character(64) NOT NULL,
                "failures" integer NOT NULL,
                "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_f01bfc0e243b5d41e587ffff6dd" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "sign_in_throttles_window_ends_at_idx" ON "sign_in_throttles" ("window_ends_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "failed_login_count"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "locked_until"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "locked_until" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "failed_login_count" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sign_in_throttles_window_ends_at_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "sign_in_throttles"
        `);
  }
}
