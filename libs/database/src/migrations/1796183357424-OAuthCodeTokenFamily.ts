import { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuthCodeTokenFamily1796183357424 implements MigrationInterface {
  name = 'OAuthCodeTokenFamily1796183357424';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Codes issued before this migration get a family of their own (they live 10 minutes at most).
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes"
            ADD "token_family" uuid NOT NULL DEFAULT gen_random_uuid()
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes"
            ALTER COLUMN "token_family" DROP DEFAULT
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes"
            ADD "reused_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes" DROP COLUMN "reused_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes" DROP COLUMN "token_family"
        `);
  }
}
