import { MigrationInterface, QueryRunner } from 'typeorm';

/** Expenses and their categories (expenses.md): exact amounts above zero, a category in use cannot be deleted. */
export class Expenses1796350000002 implements MigrationInterface {
  name = 'Expenses1796350000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "expense_categories" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" integer NOT NULL,
                "name" character varying(255) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d0ef31e189d9523461215b62775" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "expense_categories_workspace_name_uq" ON "expense_categories" ("workspace_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "expenses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "workspace_id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "project_id" integer,
                "category_id" uuid NOT NULL,
                "expense_name" character varying(255) NOT NULL,
                "expense_date" date NOT NULL,
                "amount" numeric(12, 2) NOT NULL,
                "note" character varying(1000),
                "is_billable" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "expenses_amount_positive_ck" CHECK ("amount" > 0),
                CONSTRAINT "PK_94c3ceb17e3140abc9282c20610" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "expenses_project_idx" ON "expenses" ("project_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "expenses_category_idx" ON "expenses" ("category_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "expenses_workspace_date_idx" ON "expenses" ("workspace_id", "expense_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "expenses_workspace_user_created_idx" ON "expenses" ("workspace_id", "user_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "expenses_workspace_created_idx" ON "expenses" ("workspace_id", "created_at", "id")
        `);
    await queryRunner.query(`
            ALTER TABLE "expense_categories"
            ADD CONSTRAINT "expense_categories_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "expenses"
            ADD CONSTRAINT "expenses_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "expenses"
            ADD CONSTRAINT "expenses_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "expenses"
            ADD CONSTRAINT "expenses_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "expenses"
            ADD CONSTRAINT "expenses_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "expense_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "expenses" DROP CONSTRAINT "expenses_category_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "expenses" DROP CONSTRAINT "expenses_project_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "expenses" DROP CONSTRAINT "expenses_user_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "expenses" DROP CONSTRAINT "expenses_workspace_id_fk"
        `);
    await queryRunner.query(`
            ALTER TABLE "expense_categories" DROP CONSTRAINT "expense_categories_workspace_id_fk"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."expenses_workspace_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."expenses_workspace_user_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."expenses_workspace_date_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."expenses_category_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."expenses_project_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "expenses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."expense_categories_workspace_name_uq"
        `);
    await queryRunner.query(`
            DROP TABLE "expense_categories"
        `);
  }
}
