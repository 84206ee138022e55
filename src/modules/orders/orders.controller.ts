import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { PaginationQueryDto } from '../../common/http/pagination';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { RefundService } from '../payments/refund.service';
import type { CreatedOrderResponse } from './orders.responses';
import { OrdersService } from './orders.service';

/** The caller's orders (reference 7.2-7.5). */
@ApiTags('orders')
@Auth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly refunds: RefundService,
  ) {}

  @Post('create')
  @HttpCode(201)
  create(@CurrentUser() user: AuthenticatedUser): Promise<CreatedOrderResponse> {
    return this.orders.create(user.id);
  }

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: PaginationQueryDto, @RequestUrl() url: string) {
    return this.orders.list(user.id, query, url);
  }

  @Post('cancel/:order_id')
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('order_id', new RulePipe(Rules.int())) orderId: number) {
    return this.orders.cancel(user.id, orderId);
  }

  @Post('refund/:order_id')
  @HttpCode(200)
  refund(@CurrentUser() user: AuthenticatedUser, @Param('order_id', new RulePipe(Rules.int())) orderId: number) {
    return this.refunds.refundOrder(user.id, orderId);
  }
}
