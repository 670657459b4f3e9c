import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '@app/common';
import { startEmbeddedPostgres } from '@app/database';
import { createApp } from '../app.factory';
import { buildOpenApiDocument, COMMITTED_OPENAPI_PATH, serializeOpenApi } from '../openapi';

/** `npm run openapi`: regenerates the committed spec from the decorators (throw-away in-memory database). */
async function generate(): Promise<void> {
  const database = await startEmbeddedPostgres();
  const app = await createApp({ ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: database.url });
  try {
    await writeFile(COMMITTED_OPENAPI_PATH, serializeOpenApi(buildOpenApiDocument(app)));
    process.stdout.write(`wrote ${COMMITTED_OPENAPI_PATH}\n`);
  } finally {
    await app.close();
    await database.stop();
  }
}

await generate();
