import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@subsidy/auth';
import { ApiTotalCount, invalidRequest, pageWindow, uuidParam, ValidationFailedError, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { ListNotificationsQuery } from './list-notifications.query';
import { MyNotifications, NotificationPage, NotificationView } from './my-notifications';
import { MarkAllReadResponse, NotificationDto, NotificationPageDto } from './notification.dto';

const DEFAULT_LIMIT = 20;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: MyNotifications) {}

  @Get()
  @ApiTotalCount('One page of my notifications (newest first unless sorted); X-Total-Count: all that match', NotificationPageDto)
  async list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery, @Res({ passthrough: true }) response: Response): Promise<NotificationPage> {
    const oldestFirst = query.sort === 'createdAt';
    if (query.cursor !== undefined && (oldestFirst || query.page !== undefined)) {
      const details = [
        { path: 'cursor', message: 'cursor continues the newest-first order only; do not combine it with page or sort=createdAt', messageZh: '按游标翻页只适用于最新在前的顺序，不能与页码或按时间从早到晚排序同时使用' },
      ];
      throw new ValidationFailedError(invalidRequest(details), details);
    }
    // Keyset paging (limit/cursor) keeps its default of 20; page/pageSize the shared default.
    const keyset = query.cursor !== undefined || query.limit !== undefined || (query.page === undefined && query.pageSize === undefined);
    const window = keyset ? { limit: query.limit ?? query.pageSize ?? DEFAULT_LIMIT, offset: 0 } : pageWindow(query);
    const { total, ...page } = await this.notifications.list(actor, window.limit, query.cursor, { unread: query.unread === undefined ? undefined : query.unread === 'true', offset: window.offset, oldestFirst });
    return { items: withTotalCount(response, { rows: page.items, total }), nextCursor: page.nextCursor };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部已读: marks every unread notification of mine read' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  readAll(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  read(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id'))
    id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(actor, id);
  }
}
