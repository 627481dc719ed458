import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { queueOptions } from '../bullmq-options';
import { QUEUE_NAMES } from '../queue-catalogue';
import { closeRedisConnection, createRedisConnection } from '../redis-connection';

/** Read/admin handles on every catalogue queue for the dashboard; opened on first use, closed with the application. */
@Injectable()
export class QueueDashboardQueues implements OnModuleDestroy {
  private readonly logger = new Logger(QueueDashboardQueues.name);
  private connection: Redis | undefined;
  private queues: Queue[] | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  all(): Queue[] {
    if (!this.queues) {
      const connection = createRedisConnection(this.config, 'dashboard');
      connection.on('error', (error: Error) => this.logger.error(`Dashboard Redis connection failed: ${error.message}`));
      this.connection = connection;
      this.queues = QUEUE_NAMES.map((name) => {
        const queue = new Queue(name, queueOptions(this.config, connection));
        queue.on('error', (error: Error) => this.logger.error(`Queue ${name}: ${error.message}`));
        return queue;
      });
    }
    return this.queues;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all((this.queues ?? []).map((queue) => queue.close()));
    if (this.connection) await closeRedisConnection(this.connection);
    this.queues = undefined;
    this.connection = undefined;
  }
}
