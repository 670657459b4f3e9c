import { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuthServer1795821876657 implements MigrationInterface {
  name = 'OAuthServer1795821876657';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "oauth_clients" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "client_id" character varying(64) NOT NULL,
                "name" character varying(255) NOT NULL,
                "secret_hash" character(64),
                "redirect_uris" text array NOT NULL DEFAULT '{}',
                "grants" text array NOT NULL,
                "user_id" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_c4759172d3431bae6f04e678e0d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "oauth_clients_user_id_idx" ON "oauth_clients" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "oauth_clients_client_id_uq" ON "oauth_clients" ("client_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "oauth_authorization_codes" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "code_hash" character(64) NOT NULL,
                "client_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "redirect_uri" text NOT NULL,
                "scope" character varying(64) NOT NULL,
                "code_challenge" character varying(128),
                "code_challenge_method" character varying(8),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_441350d3fce3606534fbb2c1197" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "oauth_authorization_codes_hash_uq" ON "oauth_authorization_codes" ("code_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "oauth_tokens" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "access_token_hash" character(64) NOT NULL,
                "access_token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "refresh_token_hash" character(64),
                "refresh_token_expires_at" TIMESTAMP WITH TIME ZONE,
                "scope" character varying(64) NOT NULL,
                "family_id" uuid NOT NULL,
                "grant_type" character varying(32) NOT NULL,
                "client_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "rotated_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_71c8b8060826696206f973554fd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "oauth_tokens_family_idx" ON "oauth_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "oauth_tokens_refresh_hash_uq" ON "oauth_tokens" ("refresh_token_hash")
            WHERE "refresh_token_hash" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "oauth_tokens_access_hash_uq" ON "oauth_tokens" ("access_token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "browser_sessions" (
                "id" integer GENERATED ALWAYS AS IDENTITY NOT NULL,
                "session_hash" character(64) NOT NULL,
                "user_id" integer NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_62bb0057d5bf51b68d790563ba3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "browser_sessions_hash_uq" ON "browser_sessions" ("session_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "failed_login_count" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "locked_until" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_clients"
            ADD CONSTRAINT "oauth_clients_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes"
            ADD CONSTRAINT "oauth_authorization_codes_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "oauth_clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes"
            ADD CONSTRAINT "oauth_authorization_codes_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_tokens"
            ADD CONSTRAINT "oauth_tokens_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "oauth_clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_tokens"
            ADD CONSTRAINT "oauth_tokens_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "browser_sessions"
            ADD CONSTRAINT "browser_sessions_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "browser_sessions" DROP CONSTRAINT "browser_sessions_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_tokens" DROP CONSTRAINT "oauth_tokens_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_tokens" DROP CONSTRAINT "oauth_tokens_client_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes" DROP CONSTRAINT "oauth_authorization_codes_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_authorization_codes" DROP CONSTRAINT "oauth_authorization_codes_client_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "oauth_clients" DROP CONSTRAINT "oauth_clients_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "locked_until"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "failed_login_count"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."browser_sessions_hash_uq"
        `);
    await queryRunner.query(`
            DROP TABLE "browser_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oauth_tokens_access_hash_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oauth_tokens_refresh_hash_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oauth_tokens_family_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "oauth_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oauth_authorization_codes_hash_uq"
        `);
    await queryRunner.query(`
            DROP TABLE "oauth_authorization_codes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oauth_clients_client_id_uq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."oauth_clients_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "oauth_clients"
        `);
  }
}
