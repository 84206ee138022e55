import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { EngagementMoviesRepository } from './engagement-movies.repository';
import { FavoritesController } from './favorites.controller';
import { FavoritesRepository } from './favorites.repository';
import { FavoritesService } from './favorites.service';
import { RatingsController } from './ratings.controller';
import { RatingsRepository } from './ratings.repository';
import { RatingsService } from './ratings.service';
import { ReactionsController } from './reactions.controller';
import { ReactionsRepository } from './reactions.repository';
import { ReactionsService } from './reactions.service';

/**
 * Reactions, ratings and favorites (CONTRACT.md C.3). The movie objects' engagement fields are
 * read by the catalog's own statements (`movie-queries.ts`); comments have a module of their own.
 */
@Module({
  imports: [CatalogModule],
  controllers: [ReactionsController, RatingsController, FavoritesController],
  providers: [EngagementMoviesRepository, ReactionsRepository, ReactionsService, RatingsRepository, RatingsService, FavoritesRepository, FavoritesService],
})
export class EngagementModule {}
