import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from '@app/common';

/** The spec generated from decorators; operationId is the handler's method name. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('WebWork Time Tracker API')
    .setDescription(
      'Self-hosted implementation of the WebWork Time Tracker API V2. Every response uses the envelope ' +
        '`{success, message, data, meta}`; send `Authorization: Bearer <token>` (personal access token or OAuth2 access token).',
    )
    .setVersion(API_VERSION)
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addOAuth2(
      {
        type: 'oauth2',
        flows: {
          authorizationCode: {
            authorizationUrl: '/oauth/authorize',
            tokenUrl: '/oauth/token',
            scopes: { read: 'Read access', write: 'Read and write access', admin: 'Write access plus webhooks and member administration' },
          },
        },
      },
      'oauth2',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Personal access token' }, 'apiKey')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
  });
}
