import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, fastifyOptions } from './bootstrap/configure-app';
import { loadConfig } from './core/config/app-config';
import { createLogger } from './core/logging/logger';
import { PinoLoggerService } from './core/logging/pino-logger.service';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // One pino logger for Fastify's request lines and Nest's own logs alike.
  const logger = createLogger(config);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(fastifyOptions(config, logger)), {
    logger: new PinoLoggerService(logger),
  });
  await configureApp(app, config);
  await app.listen({ port: config.port, host: config.host });
}

void bootstrap();
