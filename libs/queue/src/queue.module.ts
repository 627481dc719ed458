import { Global, Module } from '@nestjs/common';
import { QueueDashboardQueues } from './dashboard/dashboard-queues';
import { Outbox } from './outbox';

/**
 * The enqueue side, for the API and the worker alike: Outbox writes jobs into the caller's transaction. The dashboard's
 * Redis queues are created only if mountQueueDashboard asks for them, and closed with the application.
 */
@Global()
@Module({ providers: [Outbox, QueueDashboardQueues], exports: [Outbox, QueueDashboardQueues] })
export class QueueModule {}
