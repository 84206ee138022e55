import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { PaginationQueryDto } from '../../common/http/pagination';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { PurchasesService } from './purchases.service';

/** The caller's purchased movies (CONTRACT.md C.5). */
@ApiTags('orders')
@Auth()
@Controller('purchases')
export class PurchasesController {
  constructor(private readonly purchases: PurchasesService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PaginationQueryDto, @RequestUrl() url: string) {
    return this.purchases.list(user.id, query, url);
  }
}
