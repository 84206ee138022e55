import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { CatalogEntriesService } from './catalog-entries.service';
import { CatalogNamesRepository } from './catalog-names.repository';
import { CertificationsController } from './certifications.controller';
import { DirectorsController } from './directors.controller';
import { GenresController } from './genres.controller';
import { MoviePageCache } from './movie-page-cache';
import { MoviesController } from './movies.controller';
import { MoviesRepository } from './movies.repository';
import { MoviesService } from './movies.service';
import { StarsController } from './stars.controller';

/**
 * The catalog's API: movies with search, filters and sorting, genres, stars, directors and
 * certifications. The `/movies/<kind>/` controllers come first; their static segments win over
 * `/movies/{movie_uuid}/` anyway.
 */
@Module({
  // NotificationsService: a refused delete notifies the moderator (CONTRACT.md C.4).
  imports: [NotificationsModule],
  controllers: [GenresController, StarsController, DirectorsController, CertificationsController, MoviesController],
  providers: [MoviesService, CatalogEntriesService, MoviesRepository, CatalogNamesRepository, MoviePageCache],
  // MoviesService: `GET /favorites/` is the movie list restricted to the caller's favorites.
  exports: [MoviesRepository, CatalogNamesRepository, MoviesService],
})
export class CatalogModule {}
