import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, fastifyOptions } from './bootstrap/configure-app';
import { loadConfig } from './core/config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(fastifyOptions(config)), {
    bufferLogs: true,
  });
  await configureApp(app, config);
  await app.listen({ port: config.port, host: config.host });
}

void bootstrap();
