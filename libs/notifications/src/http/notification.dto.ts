import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI documentation of NotificationView and NotificationPage (my-notifications.ts); never instantiated. */
export class NotificationEntityView {
  @ApiProperty({ example: 'application', description: 'What the notification is about' })
  declare type: string;

  @ApiProperty({ format: 'uuid' })
  declare id: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  declare id: string;

  @ApiProperty({ example: 'application.returned', description: 'What happened (a stable key)' })
  declare kind: string;

  @ApiProperty({ example: '申报材料需补正' })
  declare subject: string;

  @ApiProperty()
  declare body: string;

  @ApiProperty({ type: () => NotificationEntityView, nullable: true })
  declare entity: NotificationEntityView | null;

  @ApiProperty({ format: 'date-time' })
  declare createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null = unread' })
  declare readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: () => [NotificationDto] })
  declare items: NotificationDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next (older) page; null = no more' })
  declare nextCursor: string | null;
}

export class MarkAllReadResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many unread notifications were marked read' })
  declare marked: number;
}
