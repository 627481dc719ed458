import { AppConfig } from '@subsidy/config';
import { JobsOptions, QueueOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueDefinition } from './queue-catalogue';

export function queueOptions(config: AppConfig, connection: Redis): QueueOptions {
  return { connection, prefix: config.redis.prefix };
}

/** The BullMQ job for outbox row `outboxId`: its id is the row id, which is what makes re-adding it harmless. */
export function outboxJobOptions(definition: QueueDefinition, outboxId: string): JobsOptions {
  return {
    jobId: outboxId,
    attempts: definition.attempts,
    backoff: { type: definition.backoff.type, delay: definition.backoff.delay },
    removeOnComplete: { age: definition.removeOnComplete.age, count: definition.removeOnComplete.count },
    removeOnFail: { age: definition.removeOnFail.age, count: definition.removeOnFail.count },
  };
}
