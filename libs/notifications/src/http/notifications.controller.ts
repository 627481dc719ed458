import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@subsidy/auth';
import { uuidParam } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { ListNotificationsQuery } from './list-notifications.query';
import { MyNotifications, NotificationPage, NotificationView } from './my-notifications';

const DEFAULT_LIMIT = 20;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: MyNotifications) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationPage> {
    return this.notifications.list(actor, query.limit ?? DEFAULT_LIMIT, query.cursor);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id'))
    id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
