import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { RedisModule } from './redis/redis.module';

/** What both the API and the worker stand on: configuration, PostgreSQL and Redis. */
@Module({
  imports: [ConfigModule, DatabaseModule, RedisModule],
  exports: [ConfigModule, DatabaseModule, RedisModule],
})
export class CoreModule {}
