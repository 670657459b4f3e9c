import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members and invitations: the invitation links (hashed tokens, one pending link per membership), one Owner per
 * workspace, indexes for the listMembers filters, and names as long as members.md allows (255).
 */
export class MembersInvitations1796300000001 implements MigrationInterface {
  name = 'MembersInvitations1796300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "invitations_one_outcome_ck" CHECK (
                    "accepted_at" IS NULL
                    OR "revoked_at" IS NULL
                ),
                CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "invitations_user_id_idx" ON "invitations" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invitations_one_pending_uq" ON "invitations" ("workspace_id", "user_id")
            WHERE "accepted_at" IS NULL
                AND "revoked_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invitations_token_hash_uq" ON "invitations" ("token_hash")
        `);
    // Widened in place (the generator would drop and re-add the columns, losing the names).
    await queryRunner.query(`
            ALTER TABLE "users" ALTER COLUMN "firstname" TYPE character varying(255), ALTER COLUMN "lastname" TYPE character varying(255)
        `);
    await queryRunner.query(`
            CREATE INDEX "workspace_members_workspace_role_idx" ON "workspace_members" ("workspace_id", "role", "user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "workspace_members_workspace_status_idx" ON "workspace_members" ("workspace_id", "status", "user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "workspace_members_one_owner_uq" ON "workspace_members" ("workspace_id")
            WHERE "role" = 'Owner'
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "invitations_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "invitations_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_user_id_fk"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "invitations_workspace_id_fk"`);
    await queryRunner.query(`DROP INDEX "public"."workspace_members_one_owner_uq"`);
    await queryRunner.query(`DROP INDEX "public"."workspace_members_workspace_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."workspace_members_workspace_role_idx"`);
    await queryRunner.query(
      `ALTER TABLE "users" ALTER COLUMN "firstname" TYPE character varying(100), ALTER COLUMN "lastname" TYPE character varying(100)`,
    );
    await queryRunner.query(`DROP INDEX "public"."invitations_token_hash_uq"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_one_pending_uq"`);
    await queryRunner.query(`DROP INDEX "public"."invitations_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
  }
}
