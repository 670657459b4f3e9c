import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BootstrapService } from '@app/auth';
import type { AppConfig } from '@app/common';
import { OAuthClientsService } from './modules/oauth/oauth-clients.service';
import { SignInService } from './modules/oauth/sign-in.service';
import { SWAGGER_UI_PATH, swaggerUiRedirectUri } from './swagger-ui';

/**
 * On a brand-new embedded database, create a demo owner and workspace and print its token once,
 * so a newcomer can call the API straight away, plus a public OAuth client for Swagger UI's "Authorize".
 * Never runs against an external DATABASE_URL.
 */
export async function seedDemoIfEmpty(app: INestApplication, config: Pick<AppConfig, 'publicUrl' | 'swaggerOAuthClientId'>): Promise<void> {
  const bootstrap = app.get(BootstrapService);
  if (!(await bootstrap.isEmpty())) return;
  const result = await bootstrap.createOwner({
    email: 'demo@example.com',
    workspaceName: 'Demo Workspace',
    firstname: 'Demo',
    lastname: 'Owner',
  });
  // A password too, so the OAuth sign-in page can be tried at once; shown once like the token.
  const password = randomBytes(12).toString('base64url');
  await app.get(SignInService).setPassword(result.userId, password);
  const { client: swaggerClient } = await app.get(OAuthClientsService).register(result.userId, {
    name: 'Swagger UI',
    redirectUris: [swaggerUiRedirectUri(config.publicUrl)],
    grantType: 'authorization_code',
    confidential: false,
  });
  const base = config.publicUrl;
  const swaggerClientHint = config.swaggerOAuthClientId
    ? `(SWAGGER_OAUTH_CLIENT_ID is set to another client; set it to ${swaggerClient.clientId} to pre-fill this one)`
    : `(type it into Authorize > oauth2 authorizationCode, or set SWAGGER_OAUTH_CLIENT_ID=${swaggerClient.clientId} to pre-fill it)`;
  process.stdout.write(
    [
      '',
      '  Demo workspace created on the embedded database. These secrets are shown only once:',
      '',
      `    TOKEN=${result.token}`,
      `    WORKSPACE_ID=${result.workspaceId}`,
      `    sign-in for the OAuth pages: demo@example.com / ${password}`,
      '',
      `    curl -s -H "Authorization: Bearer $TOKEN" ${base}/api/v2/workspaces`,
      `    curl -s -X POST "${base}/api/v2/projects?workspace_id=$WORKSPACE_ID" \\`,
      `      -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\`,
      `      -d '{"name":"Marketing Campaign Q1","start_date":"2024-01-15","deadline":"2024-03-31","estimation":120,"budget":5000}'`,
      '',
      `  Swagger UI: ${base}/${SWAGGER_UI_PATH}`,
      `    OAuth client for its Authorize button: ${swaggerClient.clientId}`,
      `    ${swaggerClientHint}`,
      '',
      '',
    ].join('\n'),
  );
}
