import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, Public } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { PaginationQueryDto } from '../../common/http/pagination';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import type { MessageResponse, NamedItem } from './catalog.responses';
import { CatalogEntriesService, GENRES } from './catalog-entries.service';
import { CatalogNameDto } from './dto/catalog-name.dto';
import { type GenreMoviesPage, MoviesService } from './movies.service';

const genreId = () => new RulePipe(Rules.int());

/** The reference's genre routes (its 5.7); a genre's movies are full movie objects (CONTRACT.md B21). */
@ApiTags('movies')
@Controller('movies/genres')
export class GenresController {
  constructor(
    private readonly entries: CatalogEntriesService,
    private readonly movies: MoviesService,
  ) {}

  @Public()
  @Get()
  list(@Query() query: PaginationQueryDto, @RequestUrl() url: string) {
    return this.entries.listGenres(query, url);
  }

  @Auth(UserGroupName.Moderator)
  @Post('create')
  create(@Body() body: CatalogNameDto): Promise<NamedItem> {
    return this.entries.create(GENRES, body.name);
  }

  @Auth()
  @Get(':genre_id')
  get(
    @Param('genre_id', genreId()) id: number,
    @Query() query: PaginationQueryDto,
    @RequestUrl() url: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<GenreMoviesPage> {
    return this.movies.listByGenre(id, query, url, user.id);
  }

  @Auth(UserGroupName.Moderator)
  @Patch(':genre_id')
  update(@Param('genre_id', genreId()) id: number, @Body() body: CatalogNameDto): Promise<NamedItem> {
    return this.entries.rename(GENRES, id, body.name);
  }

  @Auth(UserGroupName.Moderator)
  @Delete(':genre_id')
  remove(@Param('genre_id', genreId()) id: number): Promise<MessageResponse> {
    return this.entries.remove(GENRES, id);
  }
}
