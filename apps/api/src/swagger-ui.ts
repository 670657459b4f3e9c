import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@app/common';
import { buildOpenApiDocument } from './openapi';

export const SWAGGER_UI_PATH = 'docs';

/**
 * Where Swagger UI's OAuth popup lands: the page swagger-ui-dist ships, served under /docs/. This is the
 * redirect URI to register for the Swagger UI client. Swagger UI's own default would be derived from the page
 * URL `/docs` and point at `/oauth2-redirect.html`, which does not exist.
 */
export function swaggerUiRedirectUri(publicUrl: string): string {
  return `${publicUrl}/${SWAGGER_UI_PATH}/oauth2-redirect.html`;
}

/** Swagger UI at /docs and the live document at /api/v2/openapi.json; "Authorize" runs authorization code + PKCE. */
export function setupSwaggerUi(app: NestFastifyApplication, config: AppConfig, globalPrefix: string): void {
  SwaggerModule.setup(SWAGGER_UI_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${globalPrefix}/openapi.json`,
    useGlobalPrefix: false,
    swaggerOptions: {
      persistAuthorization: true,
      oauth2RedirectUrl: swaggerUiRedirectUri(config.publicUrl),
      // A public client (no secret): PKCE is what protects its code; the client id is typed into the dialog
      // unless SWAGGER_OAUTH_CLIENT_ID pre-fills it.
      initOAuth: {
        clientId: config.swaggerOAuthClientId,
        usePkceWithAuthorizationCodeGrant: true,
        scopes: ['read', 'write'],
      },
    },
  });
}
