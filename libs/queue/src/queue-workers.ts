import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { OutboxJobRunner } from './outbox-job-runner';
import { QUEUES, QueueName } from './queue-catalogue';
import { WORKER_QUEUES } from './worker-queues';
import { closeRedisConnection, createRedisConnection } from './redis-connection';

/** One BullMQ worker per queue that has jobs, each handing its jobs to the outbox job runner. */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: Worker[] = [];
  private connection: Redis | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: OutboxJobRunner,
    @Inject(WORKER_QUEUES) private readonly queues: readonly QueueName[],
  ) {}

  /** After every module's init, so the handler check has already passed. */
  onApplicationBootstrap(): void {
    this.connection = createRedisConnection(this.config, 'worker', 'worker');
    this.connection.on('error', (error: Error) => this.logger.error(`Worker Redis connection failed: ${error.message}`));
    for (const name of this.queues) this.workers.push(this.startWorker(name, this.connection));
    this.logger.log(`Processing queues: ${this.queues.join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    // close() lets running jobs finish, so their transactions commit before the database pool closes.
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers.length = 0;
    if (this.connection) await closeRedisConnection(this.connection);
  }

  private startWorker(name: QueueName, connection: Redis): Worker {
    const worker = new Worker(name, (job) => this.runner.run(name, job), {
      connection,
      prefix: this.config.redis.prefix,
      concurrency: QUEUES[name].concurrency,
    });
    worker.on('error', (error: Error) => this.logger.error(`Worker ${name}: ${error.message}`));
    worker.on('failed', (job, error: Error) =>
      this.logger.warn(`${name}/${job?.name ?? '?'} ${job?.id ?? ''} try ${job?.attemptsMade ?? '?'} failed: ${error.message}`),
    );
    return worker;
  }
}
