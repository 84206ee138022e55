import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, Public } from '../../common/auth/auth.decorators';
import { PaginationQueryDto } from '../../common/http/pagination';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import type { NamedItem, MessageResponse } from './catalog.responses';
import { type CatalogPage, CatalogEntriesService, STARS } from './catalog-entries.service';
import { CatalogNameDto } from './dto/catalog-name.dto';

const starId = () => new RulePipe(Rules.int());

/** The reference's star routes (its 5.8), with an exact, case-insensitive name conflict (CONTRACT.md B15). */
@ApiTags('movies')
@Controller('movies/stars')
export class StarsController {
  constructor(private readonly entries: CatalogEntriesService) {}

  @Public()
  @Get()
  list(@Query() query: PaginationQueryDto, @RequestUrl() url: string): Promise<CatalogPage<NamedItem, 'stars'>> {
    return this.entries.list(STARS, query, url);
  }

  @Auth(UserGroupName.Moderator)
  @Post('create')
  create(@Body() body: CatalogNameDto): Promise<NamedItem> {
    return this.entries.create(STARS, body.name);
  }

  @Auth()
  @Get(':star_id')
  get(@Param('star_id', starId()) id: number): Promise<NamedItem> {
    return this.entries.get(STARS, id);
  }

  @Auth(UserGroupName.Moderator)
  @Patch(':star_id')
  update(@Param('star_id', starId()) id: number, @Body() body: CatalogNameDto): Promise<NamedItem> {
    return this.entries.rename(STARS, id, body.name);
  }

  @Auth(UserGroupName.Moderator)
  @Delete(':star_id')
  remove(@Param('star_id', starId()) id: number): Promise<MessageResponse> {
    return this.entries.remove(STARS, id);
  }
}
