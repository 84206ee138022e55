import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, Public } from '../../common/auth/auth.decorators';
import { PaginationQueryDto } from '../../common/http/pagination';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import type { DirectorItem, MessageResponse } from './catalog.responses';
import { type CatalogPage, CatalogEntriesService, DIRECTORS } from './catalog-entries.service';
import { CatalogNameDto } from './dto/catalog-name.dto';

const directorId = () => new RulePipe(Rules.int());

/** Directors: the same routes and rules as stars (CONTRACT.md C.2). */
@ApiTags('movies')
@Controller('movies/directors')
export class DirectorsController {
  constructor(private readonly entries: CatalogEntriesService) {}

  @Public()
  @Get()
  list(@Query() query: PaginationQueryDto, @RequestUrl() url: string): Promise<CatalogPage<DirectorItem, 'directors'>> {
    return this.entries.list(DIRECTORS, query, url);
  }

  @Auth(UserGroupName.Moderator)
  @Post('create')
  create(@Body() body: CatalogNameDto): Promise<DirectorItem> {
    return this.entries.create(DIRECTORS, body.name);
  }

  @Auth()
  @Get(':director_id')
  get(@Param('director_id', directorId()) id: number): Promise<DirectorItem> {
    return this.entries.get(DIRECTORS, id);
  }

  @Auth(UserGroupName.Moderator)
  @Patch(':director_id')
  update(@Param('director_id', directorId()) id: number, @Body() body: CatalogNameDto): Promise<DirectorItem> {
    return this.entries.rename(DIRECTORS, id, body.name);
  }

  @Auth(UserGroupName.Moderator)
  @Delete(':director_id')
  remove(@Param('director_id', directorId()) id: number): Promise<MessageResponse> {
    return this.entries.remove(DIRECTORS, id);
  }
}
