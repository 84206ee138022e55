import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LocalObjectStorage } from './local-object-storage';
import { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';

/** `ObjectStorage`: an S3-compatible bucket when the `S3_*` variables are set, the local disk otherwise. */
@Module({
  providers: [
    {
      provide: ObjectStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ObjectStorage =>
        config.s3 ? new S3ObjectStorage(config.s3) : new LocalObjectStorage(config.storageDir),
    },
  ],
  exports: [ObjectStorage],
})
export class StorageModule {}
