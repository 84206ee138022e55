import { Module } from '@nestjs/common';
import { CoreModule } from './core/core.module';

/** The worker process: core services, queue processors and scheduled ticks (no HTTP). */
@Module({
  imports: [CoreModule],
})
export class WorkerModule {}
