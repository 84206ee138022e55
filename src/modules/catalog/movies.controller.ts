import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, Public } from '../../common/auth/auth.decorators';
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

  @Public()
  @Get()
  list(@Query() query: MovieListQueryDto, @RequestUrl() url: string): Promise<MoviePage> {
    return this.movies.list(query, url);
  }

  @Auth(UserGroupName.Moderator)
  @Post('create')
  create(@Body() body: CreateMovieDto): Promise<MovieResponse> {
    return this.movies.create(body);
  }

  @Auth()
  @Get(':movie_uuid')
  get(@Param('movie_uuid', movieUuid()) uuid: string): Promise<MovieResponse> {
    return this.movies.get(uuid);
  }

  @Auth(UserGroupName.Moderator)
  @Patch(':movie_uuid')
  update(@Param('movie_uuid', movieUuid()) uuid: string, @Body(RejectNullsPipe) body: UpdateMovieDto): Promise<MovieResponse> {
    return this.movies.update(uuid, body);
  }

  @Auth(UserGroupName.Moderator)
  @Delete(':movie_uuid')
  remove(@Param('movie_uuid', movieUuid()) uuid: string): Promise<MessageResponse> {
    return this.movies.remove(uuid);
  }
}
