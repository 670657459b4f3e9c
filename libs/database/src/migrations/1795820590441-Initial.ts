import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795820590441 implements MigrationInterface {
  name = 'Initial1795820590441';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "email" character varying(255) NOT NULL,
                "firstname" character varying(100) NOT NULL,
                "lastname" character varying(100) NOT NULL,
                "password_hash" character varying(255),
                "timezone" character varying(64),
                "avatar" character varying(255),
                "is_disabled" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "users_email_uq" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "workspaces" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "name" character varying(255) NOT NULL,
                "owner_id" integer NOT NULL,
                "is_blocked" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_098656ae401f3e1a4586f47fd8e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "workspaces_owner_id_idx" ON "workspaces" ("owner_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "workspace_members" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "role" character varying(32) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "rate_status" smallint NOT NULL DEFAULT '0',
                "rate" numeric(12, 2),
                "title" character varying(255),
                "weekly_hours_limit" integer,
                "screenshots" character varying(32),
                "is_blocked" boolean NOT NULL DEFAULT false,
                "activated_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "workspace_members_rate_status_ck" CHECK ("rate_status" IN (0, 1)),
                CONSTRAINT "workspace_members_status_ck" CHECK (
                    "status" IN ('active', 'inactive', 'left', 'unknown')
                ),
                CONSTRAINT "workspace_members_role_ck" CHECK (
                    "role" IN (
                        'Owner',
                        'Executive manager',
                        'Team manager',
                        'Project manager',
                        'Regular User',
                        'Project viewer'
                    )
                ),
                CONSTRAINT "PK_22ab43ac5865cd62769121d2bc4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "workspace_members_user_id_idx" ON "workspace_members" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "workspace_members_workspace_user_uq" ON "workspace_members" ("workspace_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "personal_access_tokens" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "user_id" integer NOT NULL,
                "name" character varying(255) NOT NULL,
                "token_hash" character(64) NOT NULL,
                "scopes" character varying(64) NOT NULL DEFAULT 'read write admin',
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b6dc462fa11dbbb897eb8419735" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "personal_access_tokens_user_id_idx" ON "personal_access_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "personal_access_tokens_hash_uq" ON "personal_access_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "tags" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "name" character varying(100) NOT NULL,
                "color" character varying(16),
                CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "tags_workspace_name_uq" ON "tags" ("workspace_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "projects" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "name" character varying(255) NOT NULL,
                "start_date" date,
                "deadline" date,
                "estimation" numeric(12, 2),
                "budget_estimation" numeric(14, 2),
                "notes" text,
                "icon" character varying(255),
                "is_billable" boolean NOT NULL DEFAULT true,
                "rate" numeric(12, 2) NOT NULL DEFAULT '0',
                "weekly_hours_limit" integer DEFAULT '168',
                "screenshots" character varying(32) DEFAULT 'blur',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "projects_budget_ck" CHECK (
                    "budget_estimation" IS NULL
                    OR "budget_estimation" >= 0
                ),
                CONSTRAINT "projects_estimation_ck" CHECK (
                    "estimation" IS NULL
                    OR "estimation" >= 0
                ),
                CONSTRAINT "projects_deadline_after_start_ck" CHECK (
                    "deadline" IS NULL
                    OR "start_date" IS NULL
                    OR "deadline" >= "start_date"
                ),
                CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "projects_workspace_live_idx" ON "projects" ("workspace_id", "id")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "contracts" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "project_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "rate" numeric(12, 2),
                "rate_type" smallint,
                "currency" character(3),
                "weekly_hours_limit" integer,
                "screenshots" character varying(32),
                "status" character varying(16) NOT NULL DEFAULT 'active',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "contracts_rate_type_ck" CHECK (
                    "rate_type" IS NULL
                    OR "rate_type" IN (1, 2, 3)
                ),
                CONSTRAINT "contracts_status_ck" CHECK ("status" IN ('active', 'paused')),
                CONSTRAINT "PK_2c7b8f3a7b1acdd49497d83d0fb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "contracts_user_project_idx" ON "contracts" ("user_id", "project_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "contracts_workspace_user_idx" ON "contracts" ("workspace_id", "user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "contracts_project_user_live_uq" ON "contracts" ("project_id", "user_id")
            WHERE "deleted_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "project_viewer_projects" (
                "project_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                CONSTRAINT "PK_10049e5b76dc596482c17f52e12" PRIMARY KEY ("project_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "project_viewer_projects_user_id_idx" ON "project_viewer_projects" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "project_managers" (
                "project_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                CONSTRAINT "PK_3c0a2bd23a818277a61eb65abdb" PRIMARY KEY ("project_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "project_managers_user_id_idx" ON "project_managers" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "workspace_id" integer NOT NULL,
                "name" character varying(255) NOT NULL,
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "teams_workspace_id_idx" ON "teams" ("workspace_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "team_members" (
                "team_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "is_manager" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_1d3c06a8217a8785e2af0ec4ab8" PRIMARY KEY ("team_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "team_members_user_id_idx" ON "team_members" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "project_tags" (
                "project_id" integer NOT NULL,
                "tag_id" integer NOT NULL,
                CONSTRAINT "PK_df0765dfc14c4d3e39cb79406f9" PRIMARY KEY ("project_id", "tag_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_bc13802855877d708af05b585a" ON "project_tags" ("project_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1d0f9955e703904ce2245a2738" ON "project_tags" ("tag_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "workspaces"
            ADD CONSTRAINT "workspaces_owner_id_fk" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "workspace_members"
            ADD CONSTRAINT "workspace_members_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "workspace_members"
            ADD CONSTRAINT "workspace_members_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "personal_access_tokens"
            ADD CONSTRAINT "personal_access_tokens_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "projects"
            ADD CONSTRAINT "projects_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts"
            ADD CONSTRAINT "contracts_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_viewer_projects"
            ADD CONSTRAINT "project_viewer_projects_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_viewer_projects"
            ADD CONSTRAINT "project_viewer_projects_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_managers"
            ADD CONSTRAINT "project_managers_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_managers"
            ADD CONSTRAINT "project_managers_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "teams_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members"
            ADD CONSTRAINT "team_members_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members"
            ADD CONSTRAINT "team_members_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "project_tags"
            ADD CONSTRAINT "project_tags_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "project_tags"
            ADD CONSTRAINT "project_tags_tag_id_fk" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "project_tags" DROP CONSTRAINT "project_tags_tag_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_tags" DROP CONSTRAINT "project_tags_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members" DROP CONSTRAINT "team_members_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_members" DROP CONSTRAINT "team_members_team_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "teams_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_managers" DROP CONSTRAINT "project_managers_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_managers" DROP CONSTRAINT "project_managers_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_viewer_projects" DROP CONSTRAINT "project_viewer_projects_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "project_viewer_projects" DROP CONSTRAINT "project_viewer_projects_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "contracts" DROP CONSTRAINT "contracts_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "projects" DROP CONSTRAINT "projects_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "personal_access_tokens" DROP CONSTRAINT "personal_access_tokens_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "workspace_members" DROP CONSTRAINT "workspace_members_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "workspace_members" DROP CONSTRAINT "workspace_members_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "workspaces" DROP CONSTRAINT "workspaces_owner_id_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1d0f9955e703904ce2245a2738"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_bc13802855877d708af05b585a"
        `);
    await queryRunner.query(`
            DROP TABLE "project_tags"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."team_members_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "team_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."teams_workspace_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "teams"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_managers_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "project_managers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."project_viewer_projects_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "project_viewer_projects"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contracts_project_user_live_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contracts_workspace_user_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."contracts_user_project_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "contracts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."projects_workspace_live_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "projects"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tags_workspace_name_uq"
        `);
    await queryRunner.query(`
            DROP TABLE "tags"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."personal_access_tokens_hash_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."personal_access_tokens_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "personal_access_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."workspace_members_workspace_user_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."workspace_members_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "workspace_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."workspaces_owner_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "workspaces"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."users_email_uq"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
  }
}
