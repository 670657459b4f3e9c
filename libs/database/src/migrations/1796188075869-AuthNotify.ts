import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces every change that can make a process's authentication cache wrong on the `webwork_auth` channel,
 * whatever path made it (API, CLI, manual SQL). Payloads name the old row, so a token whose hash or a member whose
 * user changes is dropped under its old key. Notifications are sent at commit and never for a rolled-back change.
 */
const WATCHED: { table: string; trigger: string; columns: string[] }[] = [
  {
    table: 'personal_access_tokens',
    trigger: 'personal_access_tokens_auth_notify',
    columns: ['token_hash', 'user_id', 'scopes', 'expires_at', 'revoked_at'],
  },
  {
    table: 'oauth_tokens',
    trigger: 'oauth_tokens_auth_notify',
    columns: ['access_token_hash', 'user_id', 'client_id', 'scope', 'grant_type', 'access_token_expires_at', 'revoked_at'],
  },
  { table: 'oauth_clients', trigger: 'oauth_clients_auth_notify', columns: ['deleted_at'] },
  { table: 'users', trigger: 'users_auth_notify', columns: ['is_disabled'] },
  {
    table: 'workspace_members',
    trigger: 'workspace_members_auth_notify',
    columns: ['workspace_id', 'user_id', 'role', 'status', 'rate_status', 'is_blocked', 'deleted_at'],
  },
  { table: 'workspaces', trigger: 'workspaces_auth_notify', columns: ['owner_id', 'is_blocked', 'deleted_at'] },
];

export class AuthNotify1796188075869 implements MigrationInterface {
  name = 'AuthNotify1796188075869';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // One IF branch per table: PL/pgSQL resolves OLD's fields only in the branch it runs.
    await queryRunner.query(`
            CREATE FUNCTION "webwork_auth_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                payload json;
            BEGIN
                IF TG_TABLE_NAME = 'personal_access_tokens' THEN
                    payload := json_build_object('kind', 'token', 'hash', OLD.token_hash);
                ELSIF TG_TABLE_NAME = 'oauth_tokens' THEN
                    payload := json_build_object('kind', 'token', 'hash', OLD.access_token_hash);
                ELSIF TG_TABLE_NAME = 'oauth_clients' THEN
                    payload := json_build_object('kind', 'client', 'id', OLD.id);
                ELSIF TG_TABLE_NAME = 'users' THEN
                    payload := json_build_object('kind', 'user', 'id', OLD.id);
                ELSIF TG_TABLE_NAME = 'workspace_members' THEN
                    payload := json_build_object('kind', 'member', 'workspace_id', OLD.workspace_id, 'user_id', OLD.user_id);
                ELSIF TG_TABLE_NAME = 'workspaces' THEN
                    payload := json_build_object('kind', 'workspace', 'id', OLD.id);
                END IF;
                PERFORM pg_notify('webwork_auth', payload::text);
                RETURN NULL;
            END
            $$
        `);
    for (const { table, trigger, columns } of WATCHED) {
      const changed = columns.map((column) => `OLD."${column}" IS DISTINCT FROM NEW."${column}"`).join(' OR ');
      await queryRunner.query(`
            CREATE TRIGGER "${trigger}_update" AFTER UPDATE ON "${table}"
            FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION "webwork_auth_notify"()
        `);
      await queryRunner.query(`
            CREATE TRIGGER "${trigger}_delete" AFTER DELETE ON "${table}"
            FOR EACH ROW EXECUTE FUNCTION "webwork_auth_notify"()
        `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, trigger } of WATCHED) {
      await queryRunner.query(`DROP TRIGGER "${trigger}_delete" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${trigger}_update" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "webwork_auth_notify"()`);
  }
}
