import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, Public } from '../../common/auth/auth.decorators';
import { PaginationQueryDto } from '../../common/http/pagination';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import type { NamedItem } from './catalog.responses';
import { type CatalogPage, CatalogEntriesService, CERTIFICATIONS } from './catalog-entries.service';

/**
 * Certifications, read-only like the star reads (CONTRACT.md C.2): movie create and update are
 * the only way to add one.
 */
@ApiTags('movies')
@Controller('movies/certifications')
export class CertificationsController {
  constructor(private readonly entries: CatalogEntriesService) {}

  @Public()
  @Get()
  list(@Query() query: PaginationQueryDto, @RequestUrl() url: string): Promise<CatalogPage<NamedItem, 'certifications'>> {
    return this.entries.list(CERTIFICATIONS, query, url);
  }

  @Auth()
  @Get(':certification_id')
  get(@Param('certification_id', new RulePipe(Rules.int())) id: number): Promise<NamedItem> {
    return this.entries.get(CERTIFICATIONS, id);
  }
}
