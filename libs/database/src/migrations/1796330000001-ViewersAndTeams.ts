import { MigrationInterface, QueryRunner } from 'typeorm';

/** listProjectViewers reads a workspace's viewers in id order; a team name is unique within its workspace. */
export class ViewersAndTeams1796330000001 implements MigrationInterface {
  name = 'ViewersAndTeams1796330000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "workspace_members_viewers_idx" ON "workspace_members" ("workspace_id", "user_id")
            WHERE "role" = 'Project viewer'
        `);
    await queryRunner.query(`
            DROP INDEX "public"."teams_workspace_id_idx"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "teams_workspace_name_uq" ON "teams" ("workspace_id", "name")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."teams_workspace_name_uq"
        `);
    await queryRunner.query(`
            CREATE INDEX "teams_workspace_id_idx" ON "teams" ("workspace_id")
        `);
    await queryRunner.query(`
            DROP INDEX "public"."workspace_members_viewers_idx"
        `);
  }
}
