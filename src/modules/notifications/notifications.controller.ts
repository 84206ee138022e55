import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequestUrl } from '../../common/http/request-url.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { NotificationListQueryDto } from './dto/notification-list-query.dto';
import type { NotificationResponse, ReadAllResponse } from './notifications.responses';
import { type NotificationPage, NotificationsService } from './notifications.service';

/** The caller's notifications (CONTRACT.md C.4). */
@ApiTags('notifications')
@Auth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQueryDto, @RequestUrl() url: string): Promise<NotificationPage> {
    return this.notifications.list(user.id, query, url);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<ReadAllResponse> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':notification_id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthenticatedUser, @Param('notification_id', new RulePipe(Rules.int())) id: number): Promise<NotificationResponse> {
    return this.notifications.markRead(user.id, id);
  }
}
