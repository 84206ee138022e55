import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { UserGroupName } from '../accounts/entities/user-group.entity';
import { AdminPaymentsQueryDto } from './dto/admin-payments-query.dto';
import { PaymentsService } from './payments.service';

/** Every payment, for admins (reference 8.5). */
@ApiTags('admin')
@Auth(UserGroupName.Admin)
@Controller('admin/payments')
export class AdminPaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  list(@Query() query: AdminPaymentsQueryDto, @RequestUrl() url: string) {
    return this.payments.adminList(query, url);
  }
}
