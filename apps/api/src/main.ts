import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/common';
import { startEmbeddedPostgres } from '@app/database';
import { createApp } from './app.factory';
import { seedDemoIfEmpty } from './demo-seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? embedded!.url });
  if (embedded) {
    // Close the embedded database only after Nest has drained requests and closed the pool.
    app.getHttpAdapter().getInstance().addHook('onClose', async () => embedded.stop());
    if (config.seedDemo) await seedDemoIfEmpty(app, config.port);
  }
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
