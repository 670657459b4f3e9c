import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@app/common';
import { startEmbeddedPostgres } from '@app/database';
import { createApp } from './app.factory';
import { seedDemoIfEmpty } from './demo-seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir });
  const app = await createApp({ ...config, databaseUrl: config.databaseUrl ?? embedded!.url });
  if (embedded && config.seedDemo) await seedDemoIfEmpty(app, config);
  await app.listen({ port: config.port, host: config.host });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    const logger = new Logger('Shutdown');
    logger.log(`${signal}: no new connections, finishing in-flight requests`);
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // app.close() stops accepting, waits for in-flight requests, then closes the pool; the
    // embedded database goes last, once nothing can use it.
    void app
      .close()
      .then(() => embedded?.stop())
      .then(() => {
        logger.log('shutdown complete');
        process.exit(0);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
