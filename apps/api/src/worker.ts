import 'reflect-metadata';
import { DynamicModule, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, ConfigError, loadConfig } from '@app/common';
import { dataSourceOptions, runMigrationsExclusively } from '@app/database';
import type { RuntimeConfig } from './app.module';
import { ENTITIES } from './entities';
import { createLogger, PinoNestLogger } from './logger';
import { WebhookDeliveryWorkerModule } from './modules/webhook-deliveries/webhook-delivery-worker.module';

/** Only the webhook worker: the dispatcher and the delivery queue, no HTTP server. */
@Module({})
class WorkerModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions({ url: config.databaseUrl, poolSize: config.dbPoolSize, entities: ENTITIES })),
        WebhookDeliveryWorkerModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

/**
 * `npm run worker`: delivers webhooks from the shared PostgreSQL database, to scale delivery out beside (or
 * instead of) the API processes' own workers (set WEBHOOK_WORKER=false on API-only nodes).
 */
async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.databaseUrl) {
    throw new ConfigError(['DATABASE_URL must be set for the standalone worker (the embedded database lives inside one server process)']);
  }
  const config: RuntimeConfig = { ...loaded, databaseUrl: loaded.databaseUrl, webhookWorker: true };
  await runMigrationsExclusively(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new PinoNestLogger(createLogger(config)),
    abortOnError: false,
  });
  await app.init();
  const logger = new Logger('Worker');
  logger.log('webhook worker running');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing the attempts in flight`);
    const deadline = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    void app.close().then(() => {
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
