import { Module } from '@nestjs/common';
import { ConfigModule } from '../core/config/config.module';
import { DatabaseModule } from '../core/database/database.module';
import { PasswordHasher } from '../modules/accounts/password-hasher';
import { CatalogNamesRepository } from '../modules/catalog/catalog-names.repository';
import { CatalogImportRepository } from './catalog-import.repository';
import { CatalogSeedService } from './catalog-seed.service';
import { SeedRepository } from './seed.repository';
import { SeedService } from './seed.service';

/** What `npm run seed` needs: configuration and PostgreSQL (no Redis, no queues, no HTTP). */
@Module({
  imports: [ConfigModule, DatabaseModule],
  providers: [SeedService, SeedRepository, PasswordHasher, CatalogSeedService, CatalogImportRepository, CatalogNamesRepository],
})
export class SeedModule {}
