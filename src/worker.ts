import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from './core/config/app-config';
import { createLogger } from './core/logging/logger';
import { PinoLoggerService } from './core/logging/pino-logger.service';
import { WorkerModule } from './worker.module';

const logger = new Logger('Worker');

/**
 * The worker: queue processors, the outbox relay and the scheduled ticks, without HTTP. On
 * SIGTERM or SIGINT it stops taking jobs, lets the jobs in flight finish, closes its connections
 * and exits with 0.
 */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new PinoLoggerService(createLogger(loadConfig())) });
  await app.init();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`${signal} received: finishing the jobs in flight`);
      app.close().then(
        () => {
          logger.log('Worker stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    });
  }
  logger.log('Worker started');
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
