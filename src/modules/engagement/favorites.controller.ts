import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { MovieListQueryDto } from '../catalog/dto/movie-list-query.dto';
import type { MoviePage } from '../catalog/movies.service';
import type { DetailResponse } from './engagement.responses';
import { FavoritesService } from './favorites.service';

const movieUuid = () => new RulePipe(Rules.uuid());

/** The caller's favorite movies (CONTRACT.md C.3). */
@ApiTags('engagement')
@Auth()
@Controller('favorites')
export class FavoritesController {
  constructor(private readonly favorites: FavoritesService) {}

  /** The caller's favorites, with every filter, search and sort of `GET /movies/`. */
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: MovieListQueryDto, @RequestUrl() url: string): Promise<MoviePage> {
    return this.favorites.list(user.id, query, url);
  }

  @Put(':movie_uuid')
  add(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', movieUuid()) uuid: string): Promise<DetailResponse> {
    return this.favorites.add(user.id, uuid);
  }

  @Delete(':movie_uuid')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', movieUuid()) uuid: string): Promise<DetailResponse> {
    return this.favorites.remove(user.id, uuid);
  }
}
