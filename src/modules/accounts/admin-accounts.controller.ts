import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { MessageResponse } from './accounts.responses';
import { AdminAccountsService } from './admin-accounts.service';
import { ChangeGroupDto } from './dto/change-group.dto';
import { EmailDto } from './dto/email.dto';
import { UserGroupName } from './entities/user-group.entity';

/** The reference's user administration (its sections 8.1 and 8.2), admins only. */
@ApiTags('admin')
@Auth(UserGroupName.Admin)
@Controller('admin/accounts')
export class AdminAccountsController {
  constructor(private readonly admin: AdminAccountsService) {}

  @Post('activate')
  @HttpCode(200)
  activate(@Body() body: EmailDto): Promise<MessageResponse> {
    return this.admin.activate(body.email);
  }

  @Post('change-group')
  @HttpCode(200)
  changeGroup(@CurrentUser() admin: AuthenticatedUser, @Body() body: ChangeGroupDto): Promise<MessageResponse> {
    return this.admin.changeGroup(admin, body);
  }
}
