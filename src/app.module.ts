import { Module } from '@nestjs/common';
import { CoreModule } from './core/core.module';

/** The API process: core services, the HTTP foundation and the feature modules (no processors). */
@Module({
  imports: [CoreModule],
})
export class AppModule {}
