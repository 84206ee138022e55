import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, OptionalAuth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser, Viewer } from '../../common/auth/current-user.decorator';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import type { MessageResponse, MovieResponse } from './catalog.responses';
import { CreateMovieDto, RejectNullsPipe, UpdateMovieDto } from './dto/movie.dto';
import { MovieListQueryDto } from './dto/movie-list-query.dto';
import { type MoviePage, MoviesService } from './movies.service';

const movieUuid = () => new RulePipe(Rules.uuid());

/** The reference's movie routes (its 5.2 to 5.6) with the search and filters of CONTRACT.md C.1. */
@ApiTags('movies')
@Controller('movies')
export class MoviesController {
  constructor(private readonly movies: MoviesService) {}

  /** Public; a valid Bearer token personalizes the movies' `my_*` / `is_*` fields, any other is ignored. */
  @OptionalAuth()
  @Get()
  list(@Query() query: MovieListQueryDto, @RequestUrl() url: string, @Viewer() viewer: AuthenticatedUser | null): Promise<MoviePage> {
    return this.movies.list(query, url, viewer?.id ?? null);
  }

  @Auth(UserGroupName.Moderator)
  @Post('create')
  create(@Body() body: CreateMovieDto, @CurrentUser() user: AuthenticatedUser): Promise<MovieResponse> {
    return this.movies.create(body, user.id);
  }

  @Auth()
  @Get(':movie_uuid')
  get(@Param('movie_uuid', movieUuid()) uuid: string, @CurrentUser() user: AuthenticatedUser): Promise<MovieResponse> {
    return this.movies.get(uuid, user.id);
  }

  @Auth(UserGroupName.Moderator)
  @Patch(':movie_uuid')
  update(
    @Param('movie_uuid', movieUuid()) uuid: string,
    @Body(RejectNullsPipe) body: UpdateMovieDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MovieResponse> {
    return this.movies.update(uuid, body, user.id);
  }

  @Auth(UserGroupName.Moderator)
  @Delete(':movie_uuid')
  remove(@Param('movie_uuid', movieUuid()) uuid: string, @CurrentUser() user: AuthenticatedUser): Promise<MessageResponse> {
    // The requester is told (a notification) when the movie is in carts (CONTRACT.md C.4).
    return this.movies.remove(uuid, user.id);
  }
}
