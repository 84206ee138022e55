import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import { AdminOrdersQueryDto } from './dto/admin-orders-query.dto';
import { OrdersService } from './orders.service';

/** Every user's orders, for admins (reference 8.3); reads only (CONTRACT.md B22). */
@ApiTags('admin')
@Auth(UserGroupName.Admin)
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  list(@Query() query: AdminOrdersQueryDto, @RequestUrl() url: string) {
    return this.orders.adminList(query, url);
  }
}
